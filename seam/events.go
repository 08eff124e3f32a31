package seam

import (
	"context"

	"github.com/seamgo/seam-go/gen"
)

// EventsService reads events. A gen.Event is a union over event_type: use
// its Discriminator method for the type, and ValueByDiscriminator (or an
// As… method) for the typed event.
type EventsService struct{ c *Client }

// List returns the events that params select (GET /events/list).
// params.Since or params.Between is required.
func (s *EventsService) List(ctx context.Context, params *gen.EventsListGetParams, opts ...Option) ([]gen.Event, error) {
	p := deref(params)
	if (p.Since == nil || *p.Since == "") && (p.Between == nil || len(*p.Between) == 0) {
		return nil, &ValidationError{Param: "since", Rule: "since or between is required"}
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.EventsListGetWithResponse(ctx, &p)
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	return body.Events, nil
}

// Get returns the event eventID (GET /events/get).
func (s *EventsService) Get(ctx context.Context, eventID string, opts ...Option) (*gen.Event, error) {
	if err := required("event_id", eventID); err != nil {
		return nil, err
	}
	ctx, _, err := s.c.begin(ctx, opts)
	if err != nil {
		return nil, err
	}
	res, err := s.c.api.EventsGetGetWithResponse(ctx, &gen.EventsGetGetParams{EventId: &eventID})
	if err != nil {
		return nil, err
	}
	body, err := decoded(res.JSON200, res.HTTPResponse)
	if err != nil {
		return nil, err
	}
	if body.Event == nil {
		return nil, &APIError{StatusCode: res.HTTPResponse.StatusCode, Type: "event_not_found", Message: deref(body.Message)}
	}
	return body.Event, nil
}
