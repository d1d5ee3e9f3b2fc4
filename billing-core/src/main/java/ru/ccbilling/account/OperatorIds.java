package ru.ccbilling.account;

/**
 * Which operators exist. Only an existing operator can be dedicated to an account. Implemented by the reference
 * data of rating, which owns the operators.
 */
public interface OperatorIds {

    boolean operatorExists(String operatorId);
}
