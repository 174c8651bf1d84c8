"""Response statistics: per-request figures read from the store and kept, the view's overview, the internal-supplier
view, the period report, and the CSV/XLSX export with its definitions."""
