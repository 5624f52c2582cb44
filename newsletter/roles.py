"""Who may do what with the newsletter (collected by leernetwerk.core.roles).

Redactie NJi composes, tests and sends issues and may see and remove subscribers.
A Moderator may edit existing issues and send a test to themself, but not send."""

MODEL_PERMISSIONS = {
    "Redactie NJi": [
        "newsletter.add_newsletterissue",
        "newsletter.change_newsletterissue",
        "newsletter.delete_newsletterissue",
        "newsletter.view_newsletterissue",
        "newsletter.send_newsletter",
        "newsletter.view_subscriber",
        "newsletter.delete_subscriber",
    ],
    "Moderator": [
        "newsletter.change_newsletterissue",
        "newsletter.view_newsletterissue",
    ],
}
