package seamfake

// Seed holds the ids and credentials that internal/seamfake/npm/start.mjs seeds into
// the fake (the same as GET /_fake/default_seed).
type Seed struct {
	// WorkspaceID is the seeded workspace that APIKey belongs to.
	WorkspaceID string
	// EmptyWorkspaceID is a second workspace with no devices.
	EmptyWorkspaceID string
	// EmptyWorkspaceAPIKey is the API key of EmptyWorkspaceID.
	EmptyWorkspaceAPIKey string
	// ConnectedAccountID is the August account that owns the seeded locks.
	ConnectedAccountID string
	// LockIDs lists the seeded locks: two August locks and one Schlage lock.
	LockIDs []string
	// AugustLock1ID is the August lock "Front Door".
	AugustLock1ID string
	// AugustLock2ID is the August lock "Back Door".
	AugustLock2ID string
	// SchlageLockID is the Schlage lock.
	SchlageLockID string
	// ThermostatID is the ecobee thermostat.
	ThermostatID string
	// NoiseSensorID is the Minut noise sensor.
	NoiseSensorID string
	// ClientSessionToken is a seeded client session token (seam_cst…).
	ClientSessionToken string
	// PublishableKey is the seeded publishable key (seam_pk…).
	PublishableKey string
	// PersonalAccessToken is the seeded personal access token (seam_at…).
	PersonalAccessToken string
	// ACSSystemID is the seeded Visionline access control system.
	ACSSystemID string
	// All is the raw seed object as returned by the fake's seed().
	All map[string]string
}

// readyLine is the JSON line start.mjs prints once the fake listens.
type readyLine struct {
	Endpoint    string `json:"endpoint"`
	APIKey      string `json:"api_key"`
	WorkspaceID string `json:"workspace_id"`
	PID         int    `json:"pid"`
	FakeVersion string `json:"fake_version"`
	Devices     struct {
		Locks       []string `json:"locks"`
		AugustLock1 string   `json:"august_lock_1"`
		AugustLock2 string   `json:"august_lock_2"`
		SchlageLock string   `json:"schlage_lock"`
		Thermostat  string   `json:"thermostat"`
		NoiseSensor string   `json:"noise_sensor"`
	} `json:"devices"`
	Seed map[string]string `json:"seed"`
}

// seed converts the ready line into a Seed.
func (r readyLine) seed() Seed {
	return Seed{
		WorkspaceID:          r.WorkspaceID,
		EmptyWorkspaceID:     r.Seed["seed_workspace_2"],
		EmptyWorkspaceAPIKey: r.Seed["seam_apikey2_token"],
		ConnectedAccountID:   r.Seed["john_connected_account_id"],
		LockIDs:              r.Devices.Locks,
		AugustLock1ID:        r.Devices.AugustLock1,
		AugustLock2ID:        r.Devices.AugustLock2,
		SchlageLockID:        r.Devices.SchlageLock,
		ThermostatID:         r.Devices.Thermostat,
		NoiseSensorID:        r.Devices.NoiseSensor,
		ClientSessionToken:   r.Seed["seam_cst1_token"],
		PublishableKey:       r.Seed["seam_pk1_token"],
		PersonalAccessToken:  r.Seed["seam_at1_token"],
		ACSSystemID:          r.Seed["visionline_acs_system_1"],
		All:                  r.Seed,
	}
}
