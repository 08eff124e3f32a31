package seam

import (
	"context"

	"github.com/seamgo/seam-go/gen"
)

// ClientSessionsService manages client sessions: scoped tokens that let a
// front end act for one user (see WithClientSessionToken).
type ClientSessionsService struct{ c *Client }

// Create creates a client session (POST /client_sessions/create).
func (s *ClientSessionsService) Create(ctx context.Context, req gen.ClientSessionsCreateRequestBody, opts ...Option) (*gen.ClientSession, error) {
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.ClientSessionsCreatePostWithResponse(ctx, req)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return &body.ClientSession, nil
}

// GetOrCreate returns the client session that matches req, creating it if
// there is none (POST /client_sessions/get_or_create).
func (s *ClientSessionsService) GetOrCreate(ctx context.Context, req gen.ClientSessionsGetOrCreateRequestBody, opts ...Option) (*gen.ClientSession, error) {
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.ClientSessionsGetOrCreatePostWithResponse(ctx, req)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return &body.ClientSession, nil
}

// Get returns the client session id (GET /client_sessions/get).
func (s *ClientSessionsService) Get(ctx context.Context, id string, opts ...Option) (*gen.ClientSession, error) {
	if err := required("client_session_id", id); err != nil {
		return nil, err
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.ClientSessionsGetGetWithResponse(ctx, &gen.ClientSessionsGetGetParams{ClientSessionId: &id})
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return &body.ClientSession, nil
}

// List returns the client sessions that params select (GET
// /client_sessions/list). params may be nil.
func (s *ClientSessionsService) List(ctx context.Context, params *gen.ClientSessionsListGetParams, opts ...Option) ([]gen.ClientSession, error) {
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	p := deref(params)
	res, err := s.c.api.ClientSessionsListGetWithResponse(ctx, &p)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return body.ClientSessions, nil
}

// Delete deletes the client session id (POST /client_sessions/delete).
func (s *ClientSessionsService) Delete(ctx context.Context, id string, opts ...Option) error {
	if err := required("client_session_id", id); err != nil {
		return err
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return err
	}
	_, err = s.c.api.ClientSessionsDeletePostWithResponse(ctx, gen.ClientSessionsDeleteRequestBody{ClientSessionId: id})
	return err
}
