namespace pd { void placeholderSymbol() {} }
