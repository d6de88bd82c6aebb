SELECT 'it''s', "double \" quote", '''triple ' single''', """triple " double""",
  r'raw \d+', R"raw2", b'bytes\x00', rb'\xff', br"x", 'FROM fake.table', `weird-proj`.`ds`.`tbl with space`,
  -- FROM commented.out
  /* FROM block.comment */ # FROM hash.comment
  1 FROM `p.d.t`
