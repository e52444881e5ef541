# Shell function shared by scripts/install-conformance.sh and scripts/install-browser.sh (sourced, not run).

# npm_ci_locked TOOL PREFIX: installs the npm project scripts/npm/TOOL (its package.json and package-lock.json) into
# PREFIX with `npm ci`, so PREFIX/node_modules holds exactly the locked tree, unless it holds it already. Once npm ci
# succeeds, a copy of the lockfile is kept as PREFIX/node_modules/.switchboard-package-lock.json; a lockfile that
# differs from that copy (or no copy: a first install, a failed one, an install from before the lockfiles) installs
# again, an unchanged one costs two file comparisons. npm ci removes PREFIX/node_modules before it installs.
# Runs with the caller's PATH and environment (the npm and node found there).
npm_ci_locked() {
  local prefix=$2 project="scripts/npm/$1"
  local copy="$prefix/node_modules/.switchboard-package-lock.json"
  if cmp -s "$project/package-lock.json" "$copy" && cmp -s "$project/package.json" "$prefix/package.json"; then
    return 0
  fi
  echo "$(basename "$0" .sh): installing $project (npm ci, as locked) into $prefix"
  mkdir -p "$prefix"
  cp "$project/package.json" "$project/package-lock.json" "$prefix/"
  npm ci --prefix "$prefix" --no-audit --no-fund --loglevel=error
  cp "$project/package-lock.json" "$copy"
}
