"""The visitor screens: attract loop, language choice, home (rooms and cards), exhibit."""
