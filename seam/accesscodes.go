package seam

// AccessCodesService manages the access codes of smart locks.
type AccessCodesService struct{ c *Client }
