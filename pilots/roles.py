"""Model permissions of the pilots app per group (collected by leernetwerk.core.roles)."""

MODEL_PERMISSIONS = {
    "Redactie NJi": [
        "pilots.add_programma",
        "pilots.change_programma",
        "pilots.delete_programma",
        "pilots.add_regioredactie",
        "pilots.change_regioredactie",
        "pilots.delete_regioredactie",
        "pilots.view_aanmelding",
        "pilots.change_aanmelding",
        "pilots.delete_aanmelding",
    ],
}
