"""Pure domain logic: no Qt, no SQL, no PDF. Everything here is testable with plain data."""
