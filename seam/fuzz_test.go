package seam

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/seamgo/seam-go/gen"
)

// Fuzz targets: decoding every response shape this package reads, error
// bodies and their redaction, Retry-After, options and access-code
// validation. Seeds are in testdata/fuzz/FuzzXxx/ and below; `make fuzz`
// runs each target for 60 s.

// fuzzResponse is a 200 JSON answer to method path with body.
func fuzzResponse(method, path string, body []byte) *http.Response {
	req := &http.Request{Method: method, URL: &url.URL{Path: path}}
	return &http.Response{
		StatusCode: http.StatusOK,
		Header:     http.Header{"Content-Type": {"application/json"}, "Seam-Request-Id": {"req_fuzz"}},
		Body:       io.NopCloser(bytes.NewReader(body)),
		Request:    req,
	}
}

// checkDecodeError fails unless err is a *DecodeError for method and path
// with the request id.
func checkDecodeError(t *testing.T, err error, method, path string) {
	t.Helper()
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("decode failure is %T (%v), want *DecodeError", err, err)
	}
	if de.Method != method || de.Path != path || de.RequestID != "req_fuzz" {
		t.Fatalf("DecodeError names %s %s (request id %q)", de.Method, de.Path, de.RequestID)
	}
	if !strings.Contains(err.Error(), method+" "+path) || !strings.Contains(err.Error(), "req_fuzz") {
		t.Fatalf("error %q does not name the request", err)
	}
}

func FuzzDecodeAccessCode(f *testing.F) {
	f.Add([]byte(`{"access_code":{"access_code_id":"ac1","device_id":"d","type":"ongoing","status":"set","code":"1234","errors":[],"warnings":[],"is_managed":true},"ok":true}`))
	f.Add([]byte(`{"access_code":{"access_code_id":"ac1","is_offline_access_code":true,"is_waiting_for_code_assignment":false,"code":"12345678","status":"unset","errors":[{"error_code":"failed_to_set_on_device","message":"m"}]}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		res, err := gen.ParseAccessCodesGetGetResponse(fuzzResponse(http.MethodGet, "/access_codes/get", body))
		if err != nil {
			checkDecodeError(t, err, http.MethodGet, "/access_codes/get")
			return
		}
		ac, err := decoded(res.JSON200, res.HTTPResponse)
		if err != nil {
			t.Fatalf("a 200 JSON answer that decodes gave %v", err)
		}
		ready := IsAccessCodeReady(&ac.AccessCode)
		failure := accessCodeFailure(&ac.AccessCode)
		if ready && ac.AccessCode.IsOfflineAccessCode && deref(ptrOf(ac.AccessCode.Code)) == "" {
			t.Fatal("an offline code without a PIN is ready")
		}
		if failure != nil {
			var fe *AccessCodeFailedError
			if !errors.As(failure, &fe) || !errors.Is(failure, ErrAccessCodeFailed) {
				t.Fatalf("failure %T does not match ErrAccessCodeFailed", failure)
			}
			if len(fe.Issues) != len(ac.AccessCode.Errors) {
				t.Fatalf("%d issues for %d errors", len(fe.Issues), len(ac.AccessCode.Errors))
			}
			_ = failure.Error()
		}
	})
}

func FuzzDecodeActionAttempt(f *testing.F) {
	f.Add([]byte(`{"action_attempt":{"action_attempt_id":"aa1","action_type":"UNLOCK_DOOR","status":"success","result":{},"error":null},"ok":true}`))
	f.Add([]byte(`{"action_attempt":{"action_attempt_id":"aa1","action_type":"LOCK_DOOR","status":"error","result":null,"error":{"type":"lock_offline","message":"offline"}}}`))
	f.Add([]byte(`{"action_attempt":{"action_attempt_id":"aa1","action_type":"UNLOCK_DOOR","status":"pending"}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		res, err := gen.ParseActionAttemptsGetGetResponse(fuzzResponse(http.MethodGet, "/action_attempts/get", body))
		if err != nil {
			checkDecodeError(t, err, http.MethodGet, "/action_attempts/get")
			return
		}
		if res.JSON200 == nil {
			t.Fatal("a 200 JSON answer that decodes has no JSON200")
		}
		a := &res.JSON200.ActionAttempt
		_ = presentAttempt(a)
		s, err := SummarizeActionAttempt(a)
		if err != nil {
			return
		}
		done, outcome := attemptOutcome(a, s)
		switch s.Status {
		case ActionAttemptPending:
			if done || outcome != nil {
				t.Fatal("a pending attempt ended")
			}
		case ActionAttemptSuccess:
			if !done || outcome != nil {
				t.Fatal("a successful attempt did not succeed")
			}
		case ActionAttemptError:
			if !done || !errors.Is(outcome, ErrActionAttemptFailed) {
				t.Fatalf("a failed attempt gave %v", outcome)
			}
		default:
			if !done || outcome == nil {
				t.Fatalf("unknown status %q accepted", s.Status)
			}
		}
	})
}

func FuzzDecodeEvent(f *testing.F) {
	f.Add([]byte(`{"event":{"event_id":"e1","event_type":"lock.unlocked","workspace_id":"w","created_at":"2030-01-01T00:00:00Z","occurred_at":"2030-01-01T00:00:00Z","device_id":"d","connected_account_id":"c","method":"keycode"},"ok":true}`))
	f.Add([]byte(`{"event":{"event_id":"e2","event_type":"access_code.set_on_device","access_code_id":"a","device_id":"d","code":"1234"}}`))
	f.Add([]byte(`{"event":{"event_type":"no.such.type"}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		res, err := gen.ParseEventsGetGetResponse(fuzzResponse(http.MethodGet, "/events/get", body))
		if err != nil {
			checkDecodeError(t, err, http.MethodGet, "/events/get")
			return
		}
		if res.JSON200 == nil || res.JSON200.Event == nil {
			return
		}
		kind, err := res.JSON200.Event.Discriminator()
		if err != nil {
			return
		}
		v, err := res.JSON200.Event.ValueByDiscriminator()
		if err == nil && v == nil {
			t.Fatalf("event type %q decoded to nil", kind)
		}
	})
}

// secretEncodings are forms a server may echo the credential in.
var secretEncodings = []func(string) string{
	func(s string) string { return s },
	func(s string) string { return strings.ReplaceAll(s, "_", `\u005f`) },
	func(s string) string { return strings.ReplaceAll(s, "_", `\u005F`) },
	func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "_", "%5F") },
	func(s string) string { return strings.ReplaceAll(url.PathEscape(s), "_", "%5f") },
	func(s string) string { return strings.ReplaceAll(s, "_", `\\u005f`) },
	func(s string) string { return strings.ReplaceAll(s, "_", "%255F") },
	func(s string) string {
		var b strings.Builder
		for _, r := range s {
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		return b.String()
	},
}

// checkClean fails when s holds the credential in a form redaction knows.
func checkClean(t *testing.T, what, s string) {
	t.Helper()
	if strings.Contains(s, testAPIKey) || redactString(s, testAPIKey) != s {
		t.Fatalf("%s holds the secret: %q", what, s)
	}
}

// FuzzAPIError: any error body (with the secret spliced in, in any form)
// gives an APIError without a panic and without the secret anywhere.
func FuzzAPIError(f *testing.F) {
	f.Add(400, "application/json", []byte(`{"error":{"type":"invalid_input","message":"bad","validation_errors":{"_errors":[],"device_id":{"_errors":["Required"]}},"data":{"x":[1,{"y":"z"}]}},"ok":false}`), uint8(1), uint16(60))
	f.Add(401, "application/json", []byte(`{"error":{"type":"unauthorized","message":"token "}}`), uint8(0), uint16(47))
	f.Add(503, "text/html", []byte(`<html>bad gateway</html>`), uint8(3), uint16(6))
	f.Add(429, "", []byte(``), uint8(7), uint16(0))
	f.Fuzz(func(t *testing.T, status int, contentType string, body []byte, form uint8, pos uint16) {
		if status < 100 || status > 999 {
			status = 400 + status%200
			if status < 100 {
				status += 200
			}
		}
		if len(body) > 0 {
			at := int(pos) % (len(body) + 1)
			enc := secretEncodings[int(form)%len(secretEncodings)]
			body = append(append(append([]byte{}, body[:at]...), enc(testAPIKey)...), body[at:]...)
		}
		res := &http.Response{
			StatusCode: status,
			Header:     http.Header{"Content-Type": {contentType}, "Retry-After": {"1"}},
			Body:       io.NopCloser(bytes.NewReader(body)),
		}
		e := newAPIError(res, http.MethodPost, "/x", testAPIKey)
		checkClean(t, "Error()", e.Error())
		checkClean(t, "Body", string(e.Body))
		checkClean(t, "Type", e.Type)
		checkClean(t, "Message", e.Message)
		checkClean(t, "Data", fmt.Sprint(e.Data))
		checkClean(t, "ValidationErrors", fmt.Sprint(e.ValidationErrors))
		if len(e.Body) > maxErrorBody {
			t.Fatalf("body of %d bytes kept", len(e.Body))
		}
		for _, p := range e.ValidationParams() {
			_ = e.ValidationMessages(p)
		}
	})
}

// FuzzRedact: what redaction leaves never holds the secret (raw or in a
// form it knows), and redacting again changes nothing.
func FuzzRedact(f *testing.F) {
	f.Add("token seam_testkey_SECRET1a2b3c here", testAPIKey)
	f.Add(`x\u0073eam%5Fk`, "seam_k")
	f.Add("%2525%25", "%")
	f.Add(`\\\\u0061`, "a")
	f.Add("é😀", "😀")
	f.Fuzz(func(t *testing.T, s, secret string) {
		out := redactString(s, secret)
		if secret == "" {
			if out != s {
				t.Fatal("an empty secret changed the text")
			}
			return
		}
		if strings.ContainsAny(secret, "[]") || strings.Contains(redacted, secret) {
			return // the placeholder itself could spell it
		}
		if strings.Contains(out, secret) {
			t.Fatalf("redact(%q, %q) = %q still holds the secret", s, secret, out)
		}
		if again := redactString(out, secret); again != out {
			t.Fatalf("redact is not idempotent: %q then %q", out, again)
		}
	})
}

func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"0", "1", "120", "-1", " 5 ", "99999999999999999999", "Wed, 21 Oct 2015 07:28:00 GMT", "Sun, 06 Nov 2994 08:49:37 GMT", "soon", ""} {
		f.Add(s)
	}
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, value string) {
		d, ok := parseRetryAfter(value, now)
		if !ok {
			if d != 0 {
				t.Fatalf("%q: no delay expected, got %s", value, d)
			}
			return
		}
		if d < 0 {
			t.Fatalf("%q: negative delay %s", value, d)
		}
		if secs, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64); err == nil {
			want := time.Duration(min(secs, int64(24*time.Hour/time.Second))) * time.Second
			if d != want {
				t.Fatalf("%q: delay %s, want %s", value, d, want)
			}
		}
	})
}

// FuzzOptions: every option value is accepted or refused with an error
// matching ErrInvalidOptions that never quotes the credential.
func FuzzOptions(f *testing.F) {
	f.Add("seam_key_abcdef", "https://connect.getseam.com", "X-Trace", "v", int64(time.Second), 2, int64(time.Millisecond), int64(time.Second), int64(1<<20))
	f.Add("seam_at_x y", "ftp://h", "Authorization", "a\nb", int64(-1), 11, int64(0), int64(-5), int64(0))
	f.Add("ey.jwt", "http://user:pass@host/path?q=1", "bad key", "\x7f", int64(0), -1, int64(5), int64(1), int64(-1))
	f.Fuzz(func(t *testing.T, token, endpoint, hKey, hValue string, timeout int64, retries int, bMin, bMax, maxBytes int64) {
		c, err := New(withGetenv(envMap(nil)), WithAPIKey(token), WithEndpoint(endpoint), WithHeader(hKey, hValue),
			WithTimeout(time.Duration(timeout)), WithMaxRetries(retries), WithRetryBackoff(time.Duration(bMin), time.Duration(bMax)),
			WithMaxResponseBytes(maxBytes))
		if err != nil {
			if !errors.Is(err, ErrInvalidOptions) {
				t.Fatalf("error %v does not match ErrInvalidOptions", err)
			}
			if len(token) >= 8 && strings.Contains(err.Error(), token) && !strings.Contains(endpoint+hKey+hValue, token) {
				t.Fatalf("error quotes the credential: %v", err)
			}
			return
		}
		cfg := c.cfg
		if cfg.timeout <= 0 || cfg.maxRetries < 0 || cfg.maxRetries > MaxRetriesLimit || cfg.backoffMin <= 0 ||
			cfg.backoffMax < cfg.backoffMin || cfg.maxResponseBytes <= 0 {
			t.Fatalf("accepted invalid settings: %+v", cfg)
		}
		if !strings.HasPrefix(c.Endpoint(), "http://") && !strings.HasPrefix(c.Endpoint(), "https://") {
			t.Fatalf("accepted endpoint %q", c.Endpoint())
		}
	})
}

// FuzzAccessCodeValidation: any combination of settings is accepted or
// refused with a *ValidationError naming a parameter; what is accepted
// keeps the API's rules; a refused PIN is never quoted.
func FuzzAccessCodeValidation(f *testing.F) {
	f.Add("1234", "name", 0, int64(3600), int64(7200), uint8(0), "")
	f.Add("12a4", "", 6, int64(0), int64(-10), uint8(1), "1h")
	f.Add("", "n", -1, int64(86400), int64(0), uint8(0x1c), "1day")
	f.Add("98765", "x", 4, int64(-100), int64(100), uint8(0xff), "2d")
	now := time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, code, name string, prefLen int, startOff, endOff int64, flags uint8, rounding string) {
		at := func(off int64) time.Time { return now.Add(time.Duration(off%(400*86400)) * time.Second) }
		var opts []AccessCodeOption
		if code != "" {
			opts = append(opts, WithCode(code))
		}
		if name != "" {
			opts = append(opts, WithCodeName(name))
		}
		if prefLen != 0 {
			opts = append(opts, WithPreferredCodeLength(prefLen))
		}
		if flags&1 != 0 {
			opts = append(opts, WithStartsAt(at(startOff)))
		}
		if flags&2 != 0 {
			opts = append(opts, WithEndsAt(at(endOff)))
		}
		if flags&4 != 0 {
			opts = append(opts, WithOfflineAccessCode(true))
		}
		if flags&8 != 0 {
			opts = append(opts, WithOneTimeUse(true))
		}
		if rounding != "" {
			opts = append(opts, WithMaxTimeRounding(TimeRounding(rounding)))
		}
		switch flags >> 4 & 7 {
		case 1:
			opts = append(opts, Ongoing(name, ""))
		case 2:
			opts = append(opts, TimeBound(at(startOff), at(endOff)))
		case 3:
			opts = append(opts, HourlyBoundOffline(at(startOff), at(endOff)))
		case 4:
			opts = append(opts, DailyBoundOffline(at(startOff), at(endOff)))
		case 5:
			opts = append(opts, OneTimeUseOffline(at(startOff)))
		}
		op := opCreate
		if flags&0x80 != 0 {
			op = opUpdate
		}
		p, err := collectParams(opts)
		if err == nil {
			err = p.validate(op, now)
		}
		if err != nil {
			var verr *ValidationError
			if !errors.As(err, &verr) || verr.Param == "" || verr.Rule == "" || !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("refusal %T %v is not a *ValidationError naming a parameter", err, err)
			}
			if len(code) >= 4 && strings.ContainsFunc(code, func(r rune) bool { return r < '0' || r > '9' }) &&
				strings.Contains(err.Error(), code) && !strings.Contains(name+rounding, code) {
				t.Fatalf("error quotes the code: %v", err)
			}
			return
		}
		if (p.StartsAt == nil) != (p.EndsAt == nil) && !(p.StartsAt != nil && p.OneTimeUse()) {
			t.Fatal("accepted starts_at and ends_at apart")
		}
		if p.StartsAt != nil && p.EndsAt != nil && !p.EndsAt.After(*p.StartsAt) {
			t.Fatal("accepted ends_at before starts_at")
		}
		if p.EndsAt != nil && !p.EndsAt.After(now) {
			t.Fatal("accepted ends_at in the past")
		}
		if p.Code != nil && checkCode(*p.Code) != nil {
			t.Fatal("accepted an invalid code")
		}
	})
}
