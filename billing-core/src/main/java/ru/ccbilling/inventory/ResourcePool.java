package ru.ccbilling.inventory;

/** Resources of one kind kept together (e.g. "8-800 Москва"), at a site, on a trunk, of a category. */
public record ResourcePool(String code, String name, String kind, String site, String trunk, String category,
                           int lowWaterMark) { }
