package specsource

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
)

// pullHTTP GETs the spec from rawURL with a client of its own, bounded by ctx
// and by opts.maxBytes. It returns the body and the (redacted) URL.
func pullHTTP(ctx context.Context, rawURL string, opts Options) ([]byte, string, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return nil, "", fmt.Errorf("invalid spec URL %q", redactURL(rawURL))
	}
	shown := u.Redacted()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, "", fmt.Errorf("build request for %s: %w", shown, err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "seam-go-specsource")

	transport := http.DefaultTransport.(*http.Transport).Clone()
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: opts.timeout()}

	resp, err := client.Do(req)
	if err != nil {
		return nil, "", transportError(u, err)
	}
	defer resp.Body.Close()

	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("GET %s: unexpected status %s", shown, resp.Status)
	}
	limit := opts.maxBytes()
	if resp.ContentLength > limit {
		return nil, "", fmt.Errorf("GET %s: response is %d bytes, more than the %d-byte limit", shown, resp.ContentLength, limit)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, "", transportError(u, err)
	}
	if int64(len(body)) > limit {
		return nil, "", fmt.Errorf("GET %s: response is more than the %d-byte limit", shown, limit)
	}
	return body, shown, nil
}

// transportError explains a failure to talk to the server at u and says how to
// pull the spec from elsewhere.
func transportError(u *url.URL, err error) error {
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		return fmt.Errorf("GET %s: timed out (%w); %s", u.Redacted(), err, sourceHint)
	}
	var opErr *net.OpError
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) || (errors.As(err, &opErr) && opErr.Op == "dial") {
		return fmt.Errorf("host %s could not be reached (%w); %s", u.Host, err, sourceHint)
	}
	return fmt.Errorf("GET %s failed (%w); %s", u.Redacted(), err, sourceHint)
}

// redactURL hides any password in a URL that may not parse.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparseable URL)"
	}
	return u.Redacted()
}
