package seam_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
)

// acExampleAPIKey is the API key of the access code examples' server.
const acExampleAPIKey = "seam_example_key"

// accessCodeExampleClient returns a client for a small local stand-in for
// the Seam API (on 127.0.0.1) that answers /access_codes/create and
// /access_codes/get the way the guide shows, so that the examples run
// anywhere; stop it when done. Real code calls seam.New() with an API key
// and no endpoint.
func accessCodeExampleClient() (client *seam.Client, stop func()) {
	server := httptest.NewServer(&exampleAccessCodes{codes: map[string]map[string]any{}})
	client, err := seam.New(seam.WithAPIKey(acExampleAPIKey), seam.WithEndpoint(server.URL))
	if err != nil {
		log.Fatal(err)
	}
	return client, server.Close
}

// exampleAccessCodes echoes created access codes as the API would: offline
// codes wait for their PIN (assigned when they are read back), online ones
// keep the code given.
type exampleAccessCodes struct {
	mu    sync.Mutex
	codes map[string]map[string]any
}

func (e *exampleAccessCodes) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	e.mu.Lock()
	defer e.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	switch r.URL.Path {
	case "/access_codes/create":
		var req map[string]any
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		id := fmt.Sprintf("access_code_%d", len(e.codes)+1)
		offline := req["is_offline_access_code"] == true
		code := map[string]any{
			"access_code_id": id, "device_id": req["device_id"], "name": req["name"], "code": req["code"],
			"type": "ongoing", "status": "setting", "errors": []any{}, "warnings": []any{}, "is_managed": true,
			"is_offline_access_code": offline, "is_one_time_use": req["is_one_time_use"] == true,
			"created_at": "2050-01-01T00:00:00.000Z",
		}
		for _, k := range []string{"starts_at", "ends_at"} {
			if v, ok := req[k].(string); ok {
				t, _ := time.Parse(time.RFC3339, v)
				code[k] = t.UTC().Format("2006-01-02T15:04:05.000Z")
				code["type"], code["status"] = "time_bound", "unset"
			}
		}
		if offline {
			code["code"], code["is_waiting_for_code_assignment"] = nil, true
		}
		e.codes[id] = code
		_ = json.NewEncoder(w).Encode(map[string]any{"access_code": code, "ok": true, "action_attempt": map[string]any{
			"action_attempt_id": "aa_" + id, "action_type": "CREATE_ACCESS_CODE", "status": "pending", "result": nil, "error": nil}})
	case "/access_codes/get":
		code, ok := e.codes[r.URL.Query().Get("access_code_id")]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte(`{"error":{"type":"access_code_not_found","message":"Access Code Not Found"},"ok":false}`))
			return
		}
		if code["is_offline_access_code"] == true {
			code["code"], code["is_waiting_for_code_assignment"] = "48213957", false
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"access_code": code, "ok": true})
	default:
		http.NotFound(w, r)
	}
}

// printCode prints the fields of an access code the guide shows.
func printCode(code *gen.AccessCode) {
	fmt.Println("type:", code.Type, "status:", code.Status)
	if name, err := code.Name.Get(); err == nil {
		fmt.Println("name:", name)
	}
	if pin, err := code.Code.Get(); err == nil {
		fmt.Println("code:", pin)
	} else {
		fmt.Println("code: none yet, waiting for assignment:", *code.IsWaitingForCodeAssignment)
	}
	if start, err := code.StartsAt.Get(); err == nil {
		fmt.Println("starts_at:", start.Format(time.RFC3339))
	}
	if end, err := code.EndsAt.Get(); err == nil {
		fmt.Println("ends_at:", end.Format(time.RFC3339))
	}
}

func ExampleAccessCodesService_Create_ongoing() {
	client, stop := accessCodeExampleClient()
	defer stop()
	lockID := "9689dc30-77d8-4728-9968-b3abd0835f47"

	code, err := client.AccessCodes.Create(context.Background(), lockID,
		seam.Ongoing("my ongoing code", "1234"))
	if err != nil {
		log.Fatal(err)
	}
	printCode(code)
	// Output:
	// type: ongoing status: setting
	// name: my ongoing code
	// code: 1234
}

func ExampleAccessCodesService_Create_timeBound() {
	client, stop := accessCodeExampleClient()
	defer stop()
	lockID := "9689dc30-77d8-4728-9968-b3abd0835f47"

	start := time.Date(2050, 1, 1, 16, 0, 0, 0, time.UTC)
	end := time.Date(2050, 1, 22, 12, 0, 0, 0, time.UTC)
	code, err := client.AccessCodes.Create(context.Background(), lockID,
		seam.TimeBound(start, end), seam.WithCodeName("my time-bound code"), seam.WithCode("2345"))
	if err != nil {
		log.Fatal(err)
	}
	printCode(code)
	// Output:
	// type: time_bound status: unset
	// name: my time-bound code
	// code: 2345
	// starts_at: 2050-01-01T16:00:00Z
	// ends_at: 2050-01-22T12:00:00Z
}

func ExampleAccessCodesService_Create_hourlyBoundOffline() {
	client, stop := accessCodeExampleClient()
	defer stop()
	lockID := "9689dc30-77d8-4728-9968-b3abd0835f47"

	start := time.Date(2050, 11, 10, 0, 0, 0, 0, time.UTC)
	end := time.Date(2050, 11, 15, 18, 0, 0, 0, time.UTC)
	code, err := client.AccessCodes.Create(context.Background(), lockID,
		seam.HourlyBoundOffline(start, end), seam.WithCodeName("my hourly-bound offline code"))
	if err != nil {
		log.Fatal(err)
	}
	printCode(code)
	// Output:
	// type: time_bound status: unset
	// name: my hourly-bound offline code
	// code: none yet, waiting for assignment: true
	// starts_at: 2050-11-10T00:00:00Z
	// ends_at: 2050-11-15T18:00:00Z
}

func ExampleAccessCodesService_Create_dailyBoundOffline() {
	client, stop := accessCodeExampleClient()
	defer stop()
	lockID := "9689dc30-77d8-4728-9968-b3abd0835f47"

	start := time.Date(2050, 11, 17, 0, 0, 0, 0, time.UTC)
	end := time.Date(2050, 12, 18, 0, 0, 0, 0, time.UTC) // same time of day, 31 days later
	code, err := client.AccessCodes.Create(context.Background(), lockID,
		seam.DailyBoundOffline(start, end), seam.WithCodeName("my daily-bound offline code"))
	if err != nil {
		log.Fatal(err)
	}
	printCode(code)

	// A different time of day is refused before anything is sent.
	_, err = client.AccessCodes.Create(context.Background(), lockID,
		seam.DailyBoundOffline(start, end.Add(-time.Minute)))
	var invalid *seam.ValidationError
	if errors.As(err, &invalid) {
		fmt.Println("refused:", invalid.Param)
	}
	// Output:
	// type: time_bound status: unset
	// name: my daily-bound offline code
	// code: none yet, waiting for assignment: true
	// starts_at: 2050-11-17T00:00:00Z
	// ends_at: 2050-12-18T00:00:00Z
	// refused: ends_at
}

func ExampleAccessCodesService_Create_oneTimeUseOffline() {
	client, stop := accessCodeExampleClient()
	defer stop()
	lockID := "9689dc30-77d8-4728-9968-b3abd0835f47"

	start := time.Date(2050, 11, 12, 0, 0, 0, 0, time.UTC)
	code, err := client.AccessCodes.Create(context.Background(), lockID,
		seam.OneTimeUseOffline(start), seam.WithCodeName("my one-time-use offline code"))
	if err != nil {
		log.Fatal(err)
	}
	printCode(code)
	fmt.Println("one time use:", code.IsOneTimeUse, "usable until:", seam.OneTimeUseExpiry(code.StartsAt.MustGet()).Format(time.RFC3339))
	// Output:
	// type: time_bound status: unset
	// name: my one-time-use offline code
	// code: none yet, waiting for assignment: true
	// starts_at: 2050-11-12T00:00:00Z
	// one time use: true usable until: 2050-11-13T00:00:00Z
}

func ExampleAccessCodesService_WaitUntilReady() {
	client, stop := accessCodeExampleClient()
	defer stop()
	lockID := "9689dc30-77d8-4728-9968-b3abd0835f47"
	ctx := context.Background()

	start := time.Date(2050, 11, 12, 0, 0, 0, 0, time.UTC)
	code, err := client.AccessCodes.Create(ctx, lockID, seam.OneTimeUseOffline(start))
	if err != nil {
		log.Fatal(err)
	}
	// The lock's manufacturer computes an offline PIN after creation: poll
	// until it is there (real locks may take longer than the 10 s default).
	ready, err := client.AccessCodes.WaitUntilReady(ctx, code.AccessCodeId,
		seam.WithActionAttemptTimeout(2*time.Minute))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("PIN:", ready.Code.MustGet())
	// Output:
	// PIN: 48213957
}

func ExampleDailyWindow() {
	// Four nights from 16:00 in Berlin, across the change to summer time.
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		log.Fatal(err)
	}
	start, end, err := seam.DailyWindow(time.Date(2050, 3, 25, 0, 0, 0, 0, time.UTC), 4, 16*time.Hour, berlin)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(start.Format(time.RFC3339), "=", start.UTC().Format(time.RFC3339))
	fmt.Println(end.Format(time.RFC3339), "=", end.UTC().Format(time.RFC3339))
	fmt.Println(end.Sub(start))
	// Pass them to seam.DailyBoundOffline(start, end).
	// Output:
	// 2050-03-25T16:00:00+01:00 = 2050-03-25T15:00:00Z
	// 2050-03-29T16:00:00+02:00 = 2050-03-29T14:00:00Z
	// 95h0m0s
}

func ExampleCheckOfflineWindow() {
	// In real code: device, err := client.Devices.Get(ctx, deviceID)
	var device gen.Device
	err := json.Unmarshal([]byte(`{"device_id":"igloo_1","device_type":"igloohome_lock",
		"capabilities_supported":["access_code","lock"],"properties":{"offline_access_codes_enabled":true}}`), &device)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(seam.SupportsOfflineAccessCodes(&device))

	start := time.Date(2050, 6, 1, 15, 0, 0, 0, time.UTC)
	fmt.Println(seam.CheckOfflineWindow(&device, seam.OfflineHourlyBound, start, start.Add(48*time.Hour)))
	fmt.Println(seam.CheckOfflineWindow(&device, seam.OfflineHourlyBound, start, start.AddDate(0, 0, 30)))
	fmt.Println(seam.CheckOfflineWindow(&device, seam.OfflineDailyBound, start, start.AddDate(0, 0, 30)))
	// Output:
	// true
	// <nil>
	// seam: invalid parameter "ends_at": an igloohome hourly-bound code lasts 1 to 672 hours (28 days); this one lasts 720h0m0s
	// <nil>
}
