package document

import (
	"strings"
	"testing"
)

func TestRedactURL(t *testing.T) {
	if got := RedactURL("http://user:secret@example.org/a"); strings.Contains(got, "secret") || !strings.Contains(got, "example.org/a") {
		t.Errorf("RedactURL kept the password or lost the address: %q", got)
	}
	if got := RedactURL("notes/file.md"); got != "notes/file.md" {
		t.Errorf("RedactURL changed a path: %q", got)
	}
}
