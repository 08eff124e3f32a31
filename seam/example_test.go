package seam_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
)

// exampleAPIKey is the API key the examples' local server accepts.
const exampleAPIKey = "seam_example_key"

// exampleServer starts a local server (on 127.0.0.1) that answers a few
// routes of the Seam API with small canned JSON, so that the examples run
// anywhere. Real code leaves WithEndpoint out and talks to Seam.
func exampleServer() *httptest.Server {
	mux := http.NewServeMux()
	reply := func(w http.ResponseWriter, status int, body string) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Seam-Request-Id", "req_example")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}
	mux.HandleFunc("GET /workspaces/get", func(w http.ResponseWriter, _ *http.Request) {
		reply(w, http.StatusOK, `{"workspace":{"workspace_id":"ws_1","name":"Sandbox","is_sandbox":true},"ok":true}`)
	})
	mux.HandleFunc("POST /locks/unlock_door", func(w http.ResponseWriter, _ *http.Request) {
		reply(w, http.StatusOK, `{"action_attempt":{"action_attempt_id":"aa_1","action_type":"UNLOCK_DOOR",`+
			`"status":"pending","result":null,"error":null},"ok":true}`)
	})
	mux.HandleFunc("GET /action_attempts/get", func(w http.ResponseWriter, _ *http.Request) {
		reply(w, http.StatusOK, `{"action_attempt":{"action_attempt_id":"aa_1","action_type":"UNLOCK_DOOR",`+
			`"status":"success","result":{},"error":null},"ok":true}`)
	})
	mux.HandleFunc("GET /devices/list", func(w http.ResponseWriter, r *http.Request) {
		// Two pages: the first points to the second with its cursor.
		if r.URL.Query().Get("page_cursor") == "" {
			reply(w, http.StatusOK, `{"devices":[{"device_id":"front_door"},{"device_id":"back_door"}],`+
				`"pagination":{"has_next_page":true,"next_page_cursor":"page2"},"ok":true}`)
			return
		}
		reply(w, http.StatusOK, `{"devices":[{"device_id":"garage"}],`+
			`"pagination":{"has_next_page":false,"next_page_cursor":null},"ok":true}`)
	})
	mux.HandleFunc("GET /devices/get", func(w http.ResponseWriter, _ *http.Request) {
		reply(w, http.StatusNotFound, `{"error":{"type":"device_not_found","message":"Device not found"},"ok":false}`)
	})
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+exampleAPIKey {
			reply(w, http.StatusUnauthorized, `{"error":{"type":"unauthorized","message":"API Key not found"},"ok":false}`)
			return
		}
		mux.ServeHTTP(w, r)
	}))
}

func ExampleNew() {
	server := exampleServer()
	defer server.Close()

	client, err := seam.New(
		seam.WithAPIKey(exampleAPIKey), // without it, New reads SEAM_API_KEY
		seam.WithEndpoint(server.URL),  // without it, https://connect.getseam.com
		seam.WithTimeout(10*time.Second),
		seam.WithMaxRetries(3),
	)
	if err != nil {
		log.Fatal(err)
	}

	workspace, err := client.Workspaces.Get(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(workspace.WorkspaceId, workspace.Name, workspace.IsSandbox)
	// Output:
	// ws_1 Sandbox true
}

func ExampleNew_wrongTokenKind() {
	// A client session token is not an API key: New refuses it before
	// sending anything, and the error never repeats the token.
	_, err := seam.New(seam.WithAPIKey("seam_cst1_token"))
	fmt.Println(errors.Is(err, seam.ErrInvalidOptions))
	fmt.Println(err)
	// Output:
	// true
	// seam: invalid options: WithAPIKey: got a client session token (seam_cst…), which cannot be used as an API key (expected a token starting with "seam_")
}

func ExampleLocksService_UnlockDoor() {
	server := exampleServer()
	defer server.Close()
	client, err := seam.New(seam.WithAPIKey(exampleAPIKey), seam.WithEndpoint(server.URL))
	if err != nil {
		log.Fatal(err)
	}

	// UnlockDoor waits until the lock reports success or failure (poll
	// quickly here; the default is every second, for up to 10 seconds).
	attempt, err := client.Locks.UnlockDoor(context.Background(), "front_door",
		seam.WithActionAttemptPollInterval(10*time.Millisecond))
	var failed *seam.ActionAttemptFailedError
	switch {
	case errors.As(err, &failed):
		fmt.Println("the lock said no:", failed.ErrorType, failed.Message)
		return
	case errors.Is(err, seam.ErrActionAttemptTimeout):
		fmt.Println("no answer from the lock yet")
		return
	case err != nil:
		log.Fatal(err)
	}
	summary, err := seam.SummarizeActionAttempt(attempt)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(summary.ActionType, summary.Status)
	// Output:
	// UNLOCK_DOOR success
}

func ExampleDevicesService_All() {
	server := exampleServer()
	defer server.Close()
	client, err := seam.New(seam.WithAPIKey(exampleAPIKey), seam.WithEndpoint(server.URL))
	if err != nil {
		log.Fatal(err)
	}

	// All fetches each page when the previous one is used up; breaking
	// out of the loop fetches no further page.
	for device, err := range client.Devices.All(context.Background(), &gen.DevicesListGetParams{Limit: seamLimit(2)}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(device.DeviceId)
	}
	// Output:
	// front_door
	// back_door
	// garage
}

func ExampleAPIError() {
	server := exampleServer()
	defer server.Close()
	client, err := seam.New(seam.WithAPIKey(exampleAPIKey), seam.WithEndpoint(server.URL))
	if err != nil {
		log.Fatal(err)
	}

	_, err = client.Devices.Get(context.Background(), "no_such_device")
	var apiErr *seam.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(errors.Is(err, seam.ErrNotFound), apiErr.StatusCode, apiErr.Type, apiErr.RequestID)
	}
	// Output:
	// true 404 device_not_found req_example
}

// seamLimit returns a page size for the generated parameters, which take
// numbers as *float64.
func seamLimit(n float64) *float64 { return &n }
