package seam_test

import (
	"encoding/json"
	"fmt"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
)

// HvacModeBody fills the union body of Thermostats.SetHvacMode and checks
// it before any request.
func ExampleHvacModeBody() {
	body, err := seam.HvacModeBody("ecobee_device_1", seam.ClimateSetting{
		Mode: seam.HvacHeatCool, HeatingCelsius: seam.Ptr(20.0), CoolingCelsius: seam.Ptr(24.0)})
	if err != nil {
		fmt.Println(err)
		return
	}
	js, _ := json.Marshal(body)
	fmt.Println(string(js))

	_, err = seam.HvacModeBody("ecobee_device_1", seam.ClimateSetting{Mode: seam.HvacHeat})
	fmt.Println(err)
	// Output:
	// {"cooling_set_point_celsius":24,"device_id":"ecobee_device_1","heating_set_point_celsius":20,"hvac_mode_setting":"heat_cool"}
	// seam: invalid parameter "heating_set_point_celsius": is required for hvac_mode_setting heat
}

// DeviceLocation reads a lock's time zone from whichever field reports it.
func ExampleDeviceLocation() {
	var lock gen.Device
	_ = json.Unmarshal([]byte(`{"device_id":"lock1","location":{"time_zone":"Europe/Berlin"}}`), &lock)
	loc, err := seam.DeviceLocation(&lock)
	fmt.Println(loc, err)
	// Output: Europe/Berlin <nil>
}
