{
  "format": "lowwear-program/1",
  "circuit": "x"
}
