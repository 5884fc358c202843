"""SOP steps 6-7: the paraf and the signature. Approval records and the trail kept in Git,
the SOP's order, the gate's decision, forge-less approval, and the roots of trust a
final report is checked against."""
