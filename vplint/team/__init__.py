"""The team view (``vplint report``): the team's canvases as data, for BI tools and for the team's pages."""
