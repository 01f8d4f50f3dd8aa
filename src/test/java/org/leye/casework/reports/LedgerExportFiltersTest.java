package org.leye.casework.reports;

import org.leye.casework.support.IntegrationTest;

@IntegrationTest
class LedgerExportFiltersTest extends LedgerExportFiltersContract {
}
