// Package importcheck holds no code: its test pins what a program importing
// the public packages (seam and gen) pulls in, so that the dependency set
// cannot grow unnoticed and the two directories stay easy to vendor or copy.
// The modules allowed are listed once, in allowed-modules.txt, which
// scripts/vendor-check and scripts/consumer-deps read too.
package importcheck
