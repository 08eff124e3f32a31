package seam

import (
	"context"

	"github.com/seamgo/seam-go/gen"
)

// Get returns the client session id (GET /client_sessions/get).
func (s *ClientSessionsService) Get(ctx context.Context, id string, opts ...Option) (*gen.ClientSession, error) {
	if err := required("client_session_id", id); err != nil {
		return nil, err
	}
	return value(s.c, ctx, opts, endpoint{path: "/client_sessions/get", key: "client_session"}, &gen.ClientSessionsGetGetParams{ClientSessionId: &id},
		s.c.api.ClientSessionsGetGet, func(b *gen.ClientSessionsGetResponseBody) *gen.ClientSession { return &b.ClientSession })
}

// Delete deletes the client session id (POST /client_sessions/delete,
// never replayed).
func (s *ClientSessionsService) Delete(ctx context.Context, id string, opts ...Option) error {
	if err := required("client_session_id", id); err != nil {
		return err
	}
	return run(s.c, ctx, opts, endpoint{path: "/client_sessions/delete"}, &gen.ClientSessionsDeleteRequestBody{ClientSessionId: id},
		byValue(s.c.api.ClientSessionsDeletePost))
}
