"""Reference data of its own: countries, languages, Cambodia's provinces, agencies and embassies.

Codes and names come from maintained sources: ISO 3166-1 and ISO 639 through pycountry, their names in
English, Khmer and every respondent language through CLDR (Babel). What no library holds (Khmer
names of Cambodia's provinces, their districts, the agencies raid teams work with) lives in
``cambodia.json`` beside this module. The demo draws from here, never the reverse.
"""
