"""Vendor-selection renderers: comparison and RFP workbooks, scorecards, specification."""
