"""Official documents (公文) in the layout of GB/T 9704-2012: the register of document
numbers, the stored documents, and the Word builder every capability uses (ADR 0026)."""
