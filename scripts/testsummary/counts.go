package main

import "fmt"

// counts tallies finished tests.
type counts struct {
	passed, failed, skipped int
}

func (c counts) total() int { return c.passed + c.failed + c.skipped }

func (c *counts) add(o counts) {
	c.passed += o.passed
	c.failed += o.failed
	c.skipped += o.skipped
}

// String is the plain "N passed, N failed, N skipped" form.
func (c counts) String() string {
	return fmt.Sprintf("%d passed, %d failed, %d skipped", c.passed, c.failed, c.skipped)
}
