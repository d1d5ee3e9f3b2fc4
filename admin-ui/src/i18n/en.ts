/** English labels of this application (react-admin's own come from ra-language-english). */
export const en = {
  app: {
    title: 'CC Billing',
    menu: {
      simulate: 'Simulate',
      reference: 'Reference data',
    },
    errors: {
      already_exists: 'A record with this key already exists',
      read_only: 'This list cannot be changed',
      cannot_delete: 'This list does not allow deleting',
    },
    status: {
      RATED: 'Rated',
      REJECTED: 'Rejected',
    },
    outcome: {
      RATED: 'Rated',
      REJECTED: 'Rejected',
      DUPLICATE: 'Duplicate',
      REFUSED: 'Refused',
    },
    cdr: {
      call: 'Call',
      rating: 'Rating',
      lines: 'Charge lines',
      no_lines: 'No charge lines',
      total: 'Total',
    },
    lines: {
      component: 'Component',
      stage: 'Stage',
      billedSeconds: 'Billed, s',
      rate: 'Rate',
      amount: 'Amount',
      note: 'Note',
    },
    simulate: {
      title: 'Simulate rating',
      intro: 'Rate records without storing them. Edit the JSON request below and press “Rate”.',
      request: 'Request (JSON)',
      run: 'Rate',
      reset: 'Reset example',
      running: 'Rating…',
      invalid_json: 'The request is not valid JSON: %{error}',
      results: 'Results',
      no_results: 'No results yet',
      record: 'Record',
      outcome: 'Outcome',
      status: 'Status',
      total: 'Total',
      reason: 'Reason',
      errors: 'Errors',
      problem: 'The server refused the request',
    },
  },
  resources: {
    cdrs: {
      name: 'CDR |||| CDRs',
      fields: {
        startTime: 'Start time',
        source: 'Source',
        cdrId: 'CDR ID',
        callType: 'Call type',
        caller: 'Caller',
        called: 'Called',
        callerRegion: 'Caller region',
        callerOperator: 'Caller operator',
        account: 'Account',
        status: 'Status',
        total: 'Total',
        currency: 'Currency',
        reason: 'Reason',
        reasonDetail: 'Reason detail',
        tariff: 'Tariff',
        tariffVersion: 'Tariff version',
        durationSec: 'Duration, s',
        receivedAt: 'Received at',
        from: 'Started from',
        to: 'Started before',
      },
    },
    destinations: {
      name: 'Destination |||| Destinations',
      fields: {
        prefix: 'Prefix',
        destinationClass: 'Destination class',
        q: 'Search',
      },
    },
    origins: {
      name: 'Origin |||| Origins',
      fields: {
        prefix: 'Prefix',
        origin: 'Origin class',
        q: 'Search',
      },
    },
    holidays: {
      name: 'Holiday |||| Holidays',
      fields: {
        date: 'Date',
        name: 'Name',
        q: 'Search',
      },
    },
    operators: {
      name: 'Operator |||| Operators',
      fields: {
        operatorId: 'Operator ID',
        site: 'Site',
        name: 'Name',
        q: 'Search',
      },
    },
    trunks: {
      name: 'Trunk |||| Trunks',
      fields: {
        trunk: 'Trunk',
        description: 'Description',
        q: 'Search',
      },
    },
    accounts: {
      name: 'Account |||| Accounts',
      fields: {
        account: 'Account',
        client: 'Client',
        tariff: 'Tariff',
        tariffFrom: 'Tariff since',
        numbers: 'Numbers',
        q: 'Search',
      },
    },
  },
};

export type AppMessages = typeof en;
