"""After step 8, at the province: the portal (``evkin portal``), one read-only static site
over many agencies' published archives, each verified offline against the keys the province
pinned for it."""
