package seam

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

// Defaults applied by New when the matching option is not given.
const (
	// DefaultEndpoint is the Seam Connect API used when neither WithEndpoint
	// nor the SEAM_ENDPOINT (or SEAM_API_URL) environment variable is set.
	DefaultEndpoint = "https://connect.getseam.com"
	// DefaultTimeout bounds each HTTP attempt (see WithTimeout).
	DefaultTimeout = 30 * time.Second
	// DefaultMaxRetries is how many times a failed request may be retried
	// (see WithMaxRetries for which failures are).
	DefaultMaxRetries = 2
	// DefaultRetryBackoffMin is the delay before the first retry, before
	// jitter (see WithRetryBackoff).
	DefaultRetryBackoffMin = 200 * time.Millisecond
	// DefaultRetryBackoffMax caps the delay between two attempts computed by
	// the exponential backoff (see WithRetryBackoff).
	DefaultRetryBackoffMax = 5 * time.Second
	// DefaultActionAttemptTimeout is how long a call waits for an action
	// attempt to finish (see WithActionAttemptTimeout).
	DefaultActionAttemptTimeout = 10 * time.Second
	// DefaultActionAttemptPollInterval is how often a waiting call polls an
	// action attempt (see WithActionAttemptPollInterval).
	DefaultActionAttemptPollInterval = time.Second
)

// Bounds enforced on option values.
const (
	// MaxRetriesLimit is the largest value WithMaxRetries accepts.
	MaxRetriesLimit = 10
)

// ErrInvalidOptions is matched (errors.Is) by every error New, or a call,
// returns because an Option or the environment is invalid. Such errors never
// contain the credential they are about.
var ErrInvalidOptions = errors.New("seam: invalid options")

// Option configures a Client when passed to New, or a single call when passed
// to a resource method (a call starts from a copy of its client's settings
// and applies its own options on top, leaving the client unchanged).
//
// Options check their arguments: an invalid one makes New (or the call)
// return an error matching ErrInvalidOptions. Options that choose who the
// client is (authentication and WithEndpoint) are accepted by New only. The
// zero Option does nothing.
type Option struct {
	name       string
	clientOnly bool
	apply      func(*config) error
	// params is the editor of WithParams (a func(*P)), applied by the call
	// path to the request of the one call it is passed to.
	params any
}

// config holds every setting of a client, or of one call.
type config struct {
	auth     credentials
	endpoint string

	httpClient *http.Client
	timeout    time.Duration
	maxRetries int
	backoffMin time.Duration
	backoffMax time.Duration
	// maxResponseBytes caps a 2xx response body (WithMaxResponseBytes).
	maxResponseBytes int64

	waitForActionAttempts     bool
	actionAttemptTimeout      time.Duration
	actionAttemptPollInterval time.Duration

	logger  *slog.Logger
	headers http.Header
	// sent caches the headers every request of this configuration carries
	// (see requestHeaders); a clone gets an empty cache.
	sent *headerCache

	// getenv reads the environment; tests replace it (see withGetenv).
	getenv func(string) string
}

// defaultConfig returns the settings a client has before any option.
func defaultConfig() *config {
	return &config{
		httpClient:                sharedHTTPClient(),
		timeout:                   DefaultTimeout,
		maxRetries:                DefaultMaxRetries,
		backoffMin:                DefaultRetryBackoffMin,
		backoffMax:                DefaultRetryBackoffMax,
		maxResponseBytes:          DefaultMaxResponseBytes,
		waitForActionAttempts:     true,
		actionAttemptTimeout:      DefaultActionAttemptTimeout,
		actionAttemptPollInterval: DefaultActionAttemptPollInterval,
		logger:                    slog.New(slog.DiscardHandler),
		headers:                   http.Header{},
		sent:                      &headerCache{},
		getenv:                    os.Getenv,
	}
}

// clone returns a copy of c that can be changed without affecting c.
func (c *config) clone() *config {
	cp := *c
	cp.headers = c.headers.Clone()
	if cp.headers == nil {
		cp.headers = http.Header{}
	}
	cp.sent = &headerCache{}
	return &cp
}

// applyOptions applies opts to c in order. perCall refuses the options that
// only New accepts.
func (c *config) applyOptions(opts []Option, perCall bool) error {
	for _, o := range opts {
		if o.apply == nil {
			continue
		}
		if perCall && o.clientOnly {
			return invalidOptions("%s can only be passed to New, not to a single call", o.name)
		}
		if !perCall && o.params != nil {
			return invalidOptions("%s can only be passed to a single call, not to New", o.name)
		}
		if err := o.apply(c); err != nil {
			return err
		}
	}
	return nil
}

// invalidOptions returns an error matching ErrInvalidOptions. Callers must
// never pass a credential among args.
func invalidOptions(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalidOptions}, args...)...)
}

// newOption builds an Option usable both by New and per call.
func newOption(name string, apply func(*config) error) Option {
	return Option{name: name, apply: apply}
}

// newClientOption builds an Option that only New accepts.
func newClientOption(name string, apply func(*config) error) Option {
	return Option{name: name, clientOnly: true, apply: apply}
}

// WithEndpoint sets the base URL of the Seam API, an absolute http or https
// URL without query or fragment (a path prefix is kept). It takes precedence
// over the SEAM_ENDPOINT and SEAM_API_URL environment variables. New only.
func WithEndpoint(endpoint string) Option {
	return newClientOption("WithEndpoint", func(c *config) error {
		normalized, err := normalizeEndpoint(endpoint)
		if err != nil {
			return invalidOptions("WithEndpoint: %v", err)
		}
		c.endpoint = normalized
		return nil
	})
}

// normalizeEndpoint checks that raw is an absolute http(s) URL and returns it
// without a trailing slash. Errors never repeat a password found in raw.
func normalizeEndpoint(raw string) (string, error) {
	if strings.TrimSpace(raw) == "" {
		return "", errors.New("endpoint is empty")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", errors.New("endpoint is not a valid URL")
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("endpoint %q must use http or https", u.Redacted())
	}
	if u.Host == "" {
		return "", fmt.Errorf("endpoint %q has no host", u.Redacted())
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return "", fmt.Errorf("endpoint %q must not have a query or fragment", u.Redacted())
	}
	return strings.TrimRight(u.String(), "/"), nil
}

// WithHTTPClient sets the *http.Client that sends requests. Its Transport,
// proxy and TLS settings are used as they are; retries, timeouts and
// headers are still applied by this package. By default every Client of the
// process shares one http.Client and one connection pool, made for this
// package (see docs/performance.md); http.DefaultClient and
// http.DefaultTransport are never used. Pass a client of your own to give a
// Client its own pool, proxy or TLS settings.
func WithHTTPClient(hc *http.Client) Option {
	return newOption("WithHTTPClient", func(c *config) error {
		if hc == nil {
			return invalidOptions("WithHTTPClient: client is nil")
		}
		c.httpClient = hc
		return nil
	})
}

// WithTimeout bounds each HTTP attempt, including reading the response body;
// a retry gets a fresh timeout. It is separate from the deadline of the
// context given to a call, which bounds the whole call including retries and
// waits. Default 30 s; d must be positive.
func WithTimeout(d time.Duration) Option {
	return newOption("WithTimeout", func(c *config) error {
		if d <= 0 {
			return invalidOptions("WithTimeout: %s is not positive", d)
		}
		c.timeout = d
		return nil
	})
}

// WithMaxRetries sets how many times a failed request may be retried, from 0
// (never) to MaxRetriesLimit. Default 2. Only idempotent methods (GET, HEAD,
// OPTIONS, PUT, DELETE) are retried after a response or an error that may
// have reached the server; any method is retried after a 429 (the request
// was refused, not processed) or when the connection could not be opened at
// all. docs/reliability.md has the whole rule.
func WithMaxRetries(n int) Option {
	return newOption("WithMaxRetries", func(c *config) error {
		if n < 0 || n > MaxRetriesLimit {
			return invalidOptions("WithMaxRetries: %d is outside 0..%d", n, MaxRetriesLimit)
		}
		c.maxRetries = n
		return nil
	})
}

// WithRetryBackoff sets the exponential backoff between attempts: the first
// retry waits about minDelay, each further one twice as long, never more than
// maxDelay (each delay is jittered by ±20%, within maxDelay). A Retry-After
// header in the response takes precedence; one asking for more than a
// minute, or a delay that would end past the context's deadline, stops the
// retries and returns the last error at once. Defaults 200 ms and 5 s;
// 0 < minDelay <= maxDelay.
func WithRetryBackoff(minDelay, maxDelay time.Duration) Option {
	return newOption("WithRetryBackoff", func(c *config) error {
		if minDelay <= 0 {
			return invalidOptions("WithRetryBackoff: minimum %s is not positive", minDelay)
		}
		if maxDelay < minDelay {
			return invalidOptions("WithRetryBackoff: maximum %s is below minimum %s", maxDelay, minDelay)
		}
		c.backoffMin, c.backoffMax = minDelay, maxDelay
		return nil
	})
}

// WithWaitForActionAttempts sets whether calls that start an action attempt
// (unlocking a door, for example) wait for it to succeed or fail before
// returning. Default true.
func WithWaitForActionAttempts(wait bool) Option {
	return newOption("WithWaitForActionAttempts", func(c *config) error {
		c.waitForActionAttempts = wait
		return nil
	})
}

// WithActionAttemptTimeout sets how long a call waits for an action attempt
// before giving up. Default 10 s; d must be positive.
func WithActionAttemptTimeout(d time.Duration) Option {
	return newOption("WithActionAttemptTimeout", func(c *config) error {
		if d <= 0 {
			return invalidOptions("WithActionAttemptTimeout: %s is not positive", d)
		}
		c.actionAttemptTimeout = d
		return nil
	})
}

// WithActionAttemptPollInterval sets how often a waiting call polls an action
// attempt. Default 1 s; d must be positive.
func WithActionAttemptPollInterval(d time.Duration) Option {
	return newOption("WithActionAttemptPollInterval", func(c *config) error {
		if d <= 0 {
			return invalidOptions("WithActionAttemptPollInterval: %s is not positive", d)
		}
		c.actionAttemptPollInterval = d
		return nil
	})
}

// WithLogger sets the logger that receives debug records about each HTTP
// attempt (method, path, status, attempt, duration, request id) and
// warnings about deprecated settings. Records never contain headers,
// credentials, query strings or bodies. By default nothing is logged.
func WithLogger(logger *slog.Logger) Option {
	return newOption("WithLogger", func(c *config) error {
		if logger == nil {
			return invalidOptions("WithLogger: logger is nil")
		}
		c.logger = logger
		return nil
	})
}

// reservedHeaders are set by this package and cannot be given to WithHeader:
// credentials go through the authentication options.
var reservedHeaders = map[string]bool{
	"Authorization":             true,
	"Client-Session-Token":      true,
	"Seam-Client-Session-Token": true,
	"Seam-Publishable-Key":      true,
	"Seam-Workspace":            true,
	"Seam-Sdk-Name":             true,
	"Seam-Sdk-Version":          true,
}

// WithHeader adds a header to every request (or, per call, to that call's
// requests), replacing any earlier value for the same key. It may override
// User-Agent but not the authentication or seam-sdk-* headers.
func WithHeader(key, value string) Option {
	return newOption("WithHeader", func(c *config) error {
		if !validHeaderKey(key) {
			return invalidOptions("WithHeader: %q is not a valid header name", key)
		}
		canonical := http.CanonicalHeaderKey(key)
		if reservedHeaders[canonical] {
			return invalidOptions("WithHeader: %s is set by the client; use an authentication option instead", canonical)
		}
		if !validHeaderValue(value) {
			return invalidOptions("WithHeader: value for %s contains control characters", canonical)
		}
		c.headers.Set(canonical, value)
		return nil
	})
}

// validHeaderKey reports whether key is an RFC 9110 token.
func validHeaderKey(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		ch := key[i]
		switch {
		case 'a' <= ch && ch <= 'z', 'A' <= ch && ch <= 'Z', '0' <= ch && ch <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", ch) >= 0:
		default:
			return false
		}
	}
	return true
}

// validHeaderValue reports whether value has no control character other
// than horizontal tab.
func validHeaderValue(value string) bool {
	for i := 0; i < len(value); i++ {
		ch := value[i]
		if (ch < ' ' && ch != '\t') || ch == 0x7f {
			return false
		}
	}
	return true
}
