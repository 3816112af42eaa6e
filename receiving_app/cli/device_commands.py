"""`receiving-app scale read` and `devices list`: the station's scales and serial ports, without the window."""

from __future__ import annotations

import argparse

from receiving_app.cli.shared import EXIT_OK, Commands, add_action, add_command_group, print_json
from receiving_app.domain.errors import InputError


def add_device_commands(commands: Commands) -> None:
    scale_actions = add_command_group(commands, "scale", "station scales")
    scale_read = add_action(scale_actions, "read", read_scale, "one stable reading from a scale")
    scale_read.add_argument("--port", default="", help="e.g. /dev/ttyUSB0, COM3, or the HID path")
    scale_read.add_argument("--protocol", required=True, help="mt-sics, toledo-8217, scp-01, cas, hid-pos or simulated")
    scale_read.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for a stable weight")
    scale_read.add_argument(
        "--option", action="append", default=[], metavar="KEY=VALUE", help="driver option, e.g. baudrate=9600"
    )
    scale_read.add_argument("--json", action="store_true")

    devices_actions = add_command_group(commands, "devices", "serial ports and HID scales on this station")
    devices_list = add_action(devices_actions, "list", list_devices, "serial ports and HID scales found")
    devices_list.add_argument("--json", action="store_true")


def read_scale(args: argparse.Namespace) -> int:
    from receiving_app.devices.scales import open_scale, read_stable

    malformed = [option for option in args.option if "=" not in option]
    if malformed:
        raise InputError(f"--option takes KEY=VALUE, not {malformed[0]!r}")
    options = dict(option.split("=", 1) for option in args.option)
    with open_scale(args.protocol, args.port, **options) as scale:
        reading = read_stable(scale, timeout=args.timeout, poll_interval=0.2)
    result = {
        "grams": format(reading.grams, "f"),
        "stable": True,
        "unit": reading.unit,
        "value": format(reading.value, "f"),
        "raw": reading.raw.decode("ascii", "backslashreplace"),
        "protocol": args.protocol,
        "port": args.port,
    }
    if args.json:
        print_json(result)
    else:
        print(f"{result['grams']} g (the scale said {result['value']} {result['unit']}, stable)")
    return EXIT_OK


def list_devices(args: argparse.Namespace) -> int:
    from receiving_app.devices.discovery import list_devices as discover_devices

    found = discover_devices()
    if args.json:
        print_json(
            {
                "devices": [
                    {
                        "kind": device.kind,
                        "port": device.port,
                        "description": device.description,
                        "vendor_id": device.vendor_id,
                        "product_id": device.product_id,
                    }
                    for device in found.devices
                ],
                "notes": list(found.notes),
            }
        )
    else:
        for device in found.devices:
            print(f"{device.kind:<12} {device.port:<28} {device.description}")
        for note in found.notes:
            print(f"note: {note}")
        if not found.devices:
            print("no serial ports or HID scales found")
    return EXIT_OK
