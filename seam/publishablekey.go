package seam

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/seamgo/seam-go/gen"
)

// publishableKeyHeader carries a publishable key; such a request has no
// Authorization header.
const publishableKeyHeader = "Seam-Publishable-Key"

// NewFromPublishableKey returns a client that acts for one user of a front
// end: it exchanges the workspace's publishable key (seam_pk…) and the
// user's userIdentifierKey for a client session token (POST
// /client_sessions/get_or_create, sent with the seam-publishable-key header
// and no other credential), then returns the client that made the exchange,
// authenticated with that token as New(WithClientSessionToken(token),
// opts...) would be.
//
// opts may hold any option but an authentication one; WithEndpoint, the
// environment's SEAM_ENDPOINT, timeouts, retries and headers apply to the
// exchange too. A key of the wrong kind, an empty userIdentifierKey or an
// authentication option give an error matching ErrInvalidOptions before any
// request. Pick a userIdentifierKey that cannot be guessed: an email address
// is logged as a warning, as the official SDKs do.
func NewFromPublishableKey(ctx context.Context, publishableKey, userIdentifierKey string, opts ...Option) (*Client, error) {
	if err := checkPublishableKey(publishableKey); err != nil {
		return nil, err
	}
	if strings.TrimSpace(userIdentifierKey) == "" {
		return nil, invalidOptions("NewFromPublishableKey: userIdentifierKey is empty")
	}
	cfg := defaultConfig()
	if err := cfg.applyOptions(opts, false); err != nil {
		return nil, err
	}
	if cfg.auth.mode != authNone {
		return nil, invalidOptions("NewFromPublishableKey cannot be combined with %s: the publishable key is the credential", cfg.auth.source)
	}
	if err := cfg.resolveEndpoint(); err != nil {
		return nil, err
	}
	if strings.Contains(userIdentifierKey, "@") {
		cfg.logger.LogAttrs(ctx, slog.LevelWarn,
			"seam: using an email address as userIdentifierKey is insecure: it is easily guessed; use an id with enough entropy")
	}

	// One client serves the exchange and the user's calls (one generated
	// client, one connection pool). The exchange runs with settings of its
	// own: the key in its own header and no Authorization, no
	// authentication mode, but the key is still the secret that error
	// bodies are scrubbed of (see newAPIError).
	c, err := clientFor(cfg, workspaceScope)
	if err != nil {
		return nil, err
	}
	exchange := cfg.clone()
	exchange.auth = credentials{mode: authNone, token: publishableKey, source: "NewFromPublishableKey"}
	exchange.headers.Set(publishableKeyHeader, publishableKey)
	res, err := c.api.ClientSessionsGetOrCreatePostWithResponse(c.callContext(ctx, exchange),
		gen.ClientSessionsGetOrCreateRequestBody{UserIdentifierKey: &userIdentifierKey})
	if err != nil {
		return nil, fmt.Errorf("seam: exchanging the publishable key for a client session: %w", err)
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, fmt.Errorf("seam: exchanging the publishable key for a client session: %w", err)
	}
	// The client has sent nothing with its own settings yet: they can still
	// take the credential.
	if err := cfg.setAuth(credentials{mode: authClientSessionToken, token: body.ClientSession.Token, source: "WithClientSessionToken"}); err != nil {
		return nil, fmt.Errorf("seam: client session from the publishable key exchange: %w", err)
	}
	return c, nil
}

// checkPublishableKey refuses a key that is not a publishable key, judged
// by its prefix as the official SDKs do. The error never repeats the key.
func checkPublishableKey(key string) error {
	const source = "NewFromPublishableKey"
	if key == "" {
		return invalidOptions("%s: the publishable key is empty", source)
	}
	if strings.ContainsFunc(key, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return invalidOptions("%s: the publishable key contains whitespace or control characters", source)
	}
	if strings.HasPrefix(key, publishableKeyPrefix) {
		return nil
	}
	kind := tokenKind(key)
	if kind == "an unknown kind of token" {
		return invalidOptions("%s: a publishable key must start with %q", source, publishableKeyPrefix)
	}
	return invalidOptions("%s: got %s, which cannot be used as a publishable key (expected a key starting with %q)",
		source, kind, publishableKeyPrefix)
}
