"""What a document says about itself: header (issuer, number, date, type, title), document
types, signature blocks and distribution list, and the case of words set in capitals."""
