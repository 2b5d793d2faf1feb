"""Pure pipeline steps: no database, clock or network inside them."""
