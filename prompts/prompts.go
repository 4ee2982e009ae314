// Package prompts holds the prompt templates the bot sends to a language
// model. The defaults are embedded in the binary; a folder named in the
// configuration (prompts.dir) may hold edited copies, which win.
package prompts

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"text/template"
)

//go:embed *.tmpl
var embedded embed.FS

// Load parses the template file name (e.g. "answer.tmpl"), from dir when dir
// is set and holds that file, else from the embedded defaults. Executing a
// template with a missing key is an error, so a typo in an edited prompt
// shows up on the first answer instead of as an empty gap.
func Load(dir, name string) (*template.Template, error) {
	if name != filepath.Base(name) {
		return nil, fmt.Errorf("prompt %q: give a file name, not a path", name)
	}
	if dir != "" {
		// A folder that is not there is a typo, not a wish for the defaults.
		if st, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("prompts.dir %s: %w (create it or remove the key to use the built-in prompts)", dir, err)
		} else if !st.IsDir() {
			return nil, fmt.Errorf("prompts.dir %s: not a directory", dir)
		}
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		switch {
		case err == nil:
			t, err := parse(name, string(data))
			if err != nil {
				return nil, fmt.Errorf("prompt %s: %w (fix the file or remove it to use the built-in prompt)", path, err)
			}
			return t, nil
		case !errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("prompt %s: %w", path, err)
		}
	}
	data, err := embedded.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("prompt %q: no such built-in prompt", name)
	}
	t, err := parse(name, string(data))
	if err != nil {
		return nil, fmt.Errorf("built-in prompt %s: %w", name, err)
	}
	return t, nil
}

// Default returns the embedded text of a prompt, e.g. to write out a copy
// for editing.
func Default(name string) (string, error) {
	data, err := embedded.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("prompt %q: no such built-in prompt", name)
	}
	return string(data), nil
}

func parse(name, text string) (*template.Template, error) {
	return template.New(name).Option("missingkey=error").Parse(text)
}
