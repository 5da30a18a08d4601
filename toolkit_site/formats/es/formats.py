"""Spanish as written in the United States (es-US): Django's Spanish dates ("29 de mayo de
2026"), with the decimal point and thousands comma people here read and type, so an amount
written "250,000" means the same in both languages. Everything not set here comes from
Django's Spanish formats."""

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
