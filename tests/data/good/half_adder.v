// ABC-style mapped netlist of a half adder (inv1/nor2 cells).
module half_adder ( 
    a, b,
    s, c  );
  input  a, b;
  output s, c;
  wire n1, n2, n3, n4;
  inv1 g0(.a(a), .O(n1));
  inv1 g1(.a(b), .O(n2));
  nor2 g2(.a(n1), .b(n2), .O(n3));
  nor2 g3(.a(a), .b(b), .O(n4));
  nor2 g4(.a(n3), .b(n4), .O(s));
  nor2 g5(.a(n1), .b(n2), .O(c));
endmodule
