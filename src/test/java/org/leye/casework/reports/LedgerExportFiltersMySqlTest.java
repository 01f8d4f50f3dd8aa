package org.leye.casework.reports;

import org.leye.casework.support.MySqlIntegrationTest;

@MySqlIntegrationTest
class LedgerExportFiltersMySqlTest extends LedgerExportFiltersContract {
}
