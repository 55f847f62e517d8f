// A 4-to-1 multiplexer with an enable; y = en ? d[s] : 0.
module mux4 (input [3:0] d, input [1:0] s, input en, output y);
  wire pick = d[s];
  assign y = en & pick;
endmodule
