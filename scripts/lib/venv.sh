# Sourced by the scripts that need Python packages from PyPI (bash).
#
# ensure_venv DIR MODULES PACKAGE...: make sure the venv at DIR can `import MODULES` (a
# comma-separated list, as Python writes it); on first use, make it and install the PACKAGEs
# into it, saying so on stderr.
ensure_venv() {
    local venv=$1 modules=$2
    shift 2
    if ! "$venv/bin/python" -c "import $modules" 2>/dev/null; then
        echo "installing $* into $venv" >&2
        python3 -m venv "$venv"
        # `python -m pip`: the venv's own pip scripts name the folder it was made in
        "$venv/bin/python" -m pip install -q "$@" >&2
    fi
}
