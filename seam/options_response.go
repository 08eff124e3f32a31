package seam

// DefaultMaxResponseBytes is the largest 2xx response body a call reads
// (see WithMaxResponseBytes): 32 MiB.
const DefaultMaxResponseBytes = 32 << 20

// WithMaxResponseBytes sets the largest 2xx response body a call reads, in
// bytes. A longer body fails the call with a *TransportError matching
// ErrResponseTooLarge, without retry. Error bodies are always capped at
// 64 KiB. Default DefaultMaxResponseBytes (32 MiB); n must be positive.
func WithMaxResponseBytes(n int64) Option {
	return newOption("WithMaxResponseBytes", func(c *config) error {
		if n <= 0 {
			return invalidOptions("WithMaxResponseBytes: %d is not positive", n)
		}
		c.maxResponseBytes = n
		return nil
	})
}
