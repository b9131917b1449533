"""How the site reads text: Finnish and Swedish words to their lemmas and compound parts
(`analysis`), the fields every searchable page and document indexes them in (`fields`), and the
text inside uploaded files (`extract`). Content apps and the search both use it; it uses
neither."""
