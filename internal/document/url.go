package document

import (
	"net/url"
	"strings"
)

// RedactURL hides the password of a URL that carries one ("http://user:xxxxx@host/");
// anything that is not such a URL is returned as it is. Wherever a feed's
// or a page's address is shown or stored, it goes through here.
func RedactURL(raw string) string {
	if !strings.Contains(raw, "@") || !strings.Contains(raw, "://") {
		return raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	return u.Redacted()
}
