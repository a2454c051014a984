"""The visitor's screens, one module each (with its kv rules), built on first use by the Navigator."""
