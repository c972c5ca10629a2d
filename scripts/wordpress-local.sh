#!/usr/bin/env bash
# wordpress-local.sh — throwaway local WordPress (Debian package) for webXcreta tests
# (test/helpers/wordpress.ts starts it; test/global-setup.ts stops it at the end of a test run).
#
#   wordpress-local.sh start    install if needed, start MariaDB + php -S, print JSON (last stdout line)
#   wordpress-local.sh stop     stop what start started (by pid files in $WP_STATE_DIR)
#   wordpress-local.sh status   exit 0 + JSON if both processes are up, exit 3 otherwise
#   wordpress-local.sh reset    (running) delete all posts/pages/comments/terms except "Uncategorized"
#   wordpress-local.sh destroy  stop + rm -rf $WP_STATE_DIR (next start is a cold DB init)
#
# All log/progress output goes to stderr; stdout carries only the JSON line.
# Env: WP_STATE_DIR (/tmp/webxcreta-wp), WP_PORT (8089), WP_USER (admin), WP_PASSWORD (admin-pass-local),
#      WP_MU_PLUGIN (1: install the webxcreta_id post-meta mu-plugin; 0: plain core WordPress),
#      WP_SKIP_INSTALL (1: never call apt-get; fail if packages are missing).
# Servers: MariaDB with --skip-networking (unix socket in the state dir only); PHP on 127.0.0.1:$WP_PORT only.
# start/stop/reset/destroy hold an flock on $WP_STATE_DIR.lock, so test files starting it at once take turns.
set -euo pipefail

WP_STATE_DIR="${WP_STATE_DIR:-/tmp/webxcreta-wp}"
WP_PORT="${WP_PORT:-8089}"
WP_USER="${WP_USER:-admin}"
WP_PASSWORD="${WP_PASSWORD:-admin-pass-local}"
WP_EMAIL="${WP_EMAIL:-admin@example.invalid}"
WP_TITLE="${WP_TITLE:-webXcreta local test blog}"
WP_MU_PLUGIN="${WP_MU_PLUGIN:-1}"
WP_SKIP_INSTALL="${WP_SKIP_INSTALL:-0}"
APP_NAME="webxcreta-test"

DB_NAME="wordpress"
DB_USER="wp"
DB_PASS="wp-local-db-pass"

BASE_URL="http://127.0.0.1:${WP_PORT}"
WWW="$WP_STATE_DIR/www"
DATADIR="$WP_STATE_DIR/mysql"
SOCK="$WP_STATE_DIR/mysql.sock"
MYSQL_PID="$WP_STATE_DIR/mysql.pid"
PHP_PID="$WP_STATE_DIR/php.pid"
CREDS="$WP_STATE_DIR/credentials.json"
TIMINGS="$WP_STATE_DIR/timings.log"

PKGS=(wordpress mariadb-server mariadb-client php-cli php-mysql php-xml php-mbstring php-curl curl)

log() { printf '[wp-local %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
T0=$(now)
PHASE_T=$T0
phase_done() { # phase_done NAME
  local t; t=$(now)
  local msg; msg=$(awk -v a="$PHASE_T" -v b="$t" -v n="$1" 'BEGIN{printf "phase %-10s %6.2fs", n, b-a}')
  log "$msg"
  [ -d "$WP_STATE_DIR" ] && echo "$(date -Is) $msg" >>"$TIMINGS" || true
  PHASE_T=$t
}

# pid_alive PIDFILE: process alive AND is ours (php / mariadbd), so a recycled pid is never signalled.
pid_alive() {
  [ -s "$1" ] || return 1
  local pid comm; pid=$(cat "$1")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
  case "$1" in
    *mysql*) [[ "$comm" == mariadbd || "$comm" == mysqld ]] ;;
    *)       [[ "$comm" == php* ]] ;;
  esac
}

is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

MADE_POLICY=0 MADE_MAN=0 MANFLAG=/var/lib/man-db/auto-update
restore_apt_tweaks() {
  if [ "$MADE_POLICY" = 1 ]; then rm -f /usr/sbin/policy-rc.d; MADE_POLICY=0; fi
  if [ "$MADE_MAN" = 1 ]; then mv "$MANFLAG.wp-local" "$MANFLAG" 2>/dev/null || true; MADE_MAN=0; fi
}

ensure_packages() {
  local missing=() p
  for p in "${PKGS[@]}"; do is_installed "$p" || missing+=("$p"); done
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi
  [ "$WP_SKIP_INSTALL" = 1 ] && die "missing packages: ${missing[*]} (WP_SKIP_INSTALL=1)"
  [ "$(id -u)" -eq 0 ] || die "missing packages: ${missing[*]} (need root for apt-get)"
  log "installing: ${missing[*]}"
  # Never let maintainer scripts start apache2/mariadb as system services (no systemd here anyway).
  # Both tweaks are undone by restore_apt_tweaks (also on any exit/interrupt via the trap).
  trap restore_apt_tweaks EXIT
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; MADE_POLICY=1
  fi
  # Skip the man-db index rebuild trigger (~15s) for this install only.
  if [ -e "$MANFLAG" ]; then mv "$MANFLAG" "$MANFLAG.wp-local"; MADE_MAN=1; fi
  export DEBIAN_FRONTEND=noninteractive
  # Lists are stored compressed (…_Packages.lz4), hence the trailing *.
  if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then apt-get update -q >&2; fi
  local apt=(apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-confdef
             -o Dpkg::Options::=--force-confold -o Dpkg::Options::=--force-unsafe-io)
  local rc=0
  if ! "${apt[@]}" "${missing[@]}" >&2; then
    log "apt-get install failed; running apt-get update and retrying"
    apt-get update -q >&2 && "${apt[@]}" "${missing[@]}" >&2 || rc=$?
  fi
  restore_apt_tweaks; trap - EXIT
  [ $rc = 0 ] || die "apt-get install failed (rc=$rc)"
  return 0
}

mysql_admin() { mariadb --no-defaults --socket="$SOCK" -u "$(id -un)" "$@"; }

start_mysql() {
  mkdir -p "$WP_STATE_DIR"
  if pid_alive "$MYSQL_PID" && mariadb-admin --no-defaults --socket="$SOCK" -u "$(id -un)" ping >/dev/null 2>&1; then
    log "mariadb already running (pid $(cat "$MYSQL_PID"))"; return 0
  fi
  [ ${#SOCK} -lt 100 ] || die "socket path too long for AF_UNIX: $SOCK (use a shorter WP_STATE_DIR)"
  local userarg=()
  [ "$(id -u)" -eq 0 ] && userarg=(--user=root)
  if [ ! -d "$DATADIR/mysql" ]; then
    log "initialising datadir $DATADIR"
    rm -rf "$DATADIR"; mkdir -p "$DATADIR"
    mariadb-install-db --no-defaults --datadir="$DATADIR" "${userarg[@]}" \
      --auth-root-authentication-method=socket --auth-root-socket-user="$(id -un)" \
      --skip-test-db >"$WP_STATE_DIR/mysql-install.log" 2>&1 \
      || { tail -30 "$WP_STATE_DIR/mysql-install.log" >&2; die "mariadb-install-db failed"; }
  fi
  rm -f "$SOCK" "$MYSQL_PID" "$MYSQL_PID.launch"
  # --skip-networking: no TCP listener at all; clients use the unix socket.
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$MYSQL_PID.launch" mariadbd --no-defaults --datadir="$DATADIR" --socket="$SOCK" --pid-file="$MYSQL_PID" \
    --skip-networking --log-error="$WP_STATE_DIR/mysql.err" "${userarg[@]}" \
    --skip-log-bin --innodb-buffer-pool-size=64M --innodb-log-file-size=16M \
    --innodb-flush-log-at-trx-commit=2 --skip-name-resolve --character-set-server=utf8mb4 \
    </dev/null >>"$WP_STATE_DIR/mysql.out" 2>&1 9>&- &
  local i bgpid=""
  for i in $(seq 1 50); do [ -s "$MYSQL_PID.launch" ] && break; sleep 0.05; done
  bgpid=$(cat "$MYSQL_PID.launch")
  for i in $(seq 1 300); do
    if mariadb-admin --no-defaults --socket="$SOCK" -u "$(id -un)" ping >/dev/null 2>&1; then break; fi
    kill -0 "$bgpid" 2>/dev/null || { tail -30 "$WP_STATE_DIR/mysql.err" >&2; die "mariadbd exited"; }
    sleep 0.1
  done
  mariadb-admin --no-defaults --socket="$SOCK" -u "$(id -un)" ping >/dev/null 2>&1 || die "mariadb did not come up in 30s"
  [ -f "$MYSQL_PID" ] || echo "$bgpid" >"$MYSQL_PID"
  log "mariadb up (pid $(cat "$MYSQL_PID"), socket $SOCK)"
}

ensure_db() {
  mysql_admin <<SQL
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASS';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'localhost';
SQL
}

write_mu_plugin() {
  local mu="$WWW/wp-content/mu-plugins/webxcreta-test.php"
  if [ "$WP_MU_PLUGIN" = 1 ]; then
    cat >"$mu.tmp" <<'PHP'
<?php
/*
 * Plugin Name: webxcreta test helpers
 * Description: Registers post meta webxcreta_id (REST-writable, string) and ?webxcreta_id= filtering on /wp/v2/posts.
 */
add_action('init', function () {
    foreach (['webxcreta_id', 'webxcreta_provenance'] as $key) {
        register_post_meta('post', $key, [
            'type'              => 'string',
            'single'            => true,
            'show_in_rest'      => true,
            'sanitize_callback' => 'sanitize_text_field',
            'auth_callback'     => function () { return current_user_can('edit_posts'); },
        ]);
    }
});
add_filter('rest_post_collection_params', function ($params) {
    $params['webxcreta_id'] = ['description' => 'Limit to posts whose webxcreta_id meta equals this value.', 'type' => 'string'];
    return $params;
});
add_filter('rest_post_query', function ($args, $request) {
    $v = $request->get_param('webxcreta_id');
    if (is_string($v) && $v !== '') {
        $args['meta_query'] = isset($args['meta_query']) ? $args['meta_query'] : [];
        $args['meta_query'][] = ['key' => 'webxcreta_id', 'value' => $v];
    }
    return $args;
}, 10, 2);
PHP
    mv "$mu.tmp" "$mu"   # atomic: a running server never sees a half-written file
  else
    rm -f "$mu"
  fi
}

write_tree() {
  local ver; ver=$(dpkg-query -W -f='${Version}' wordpress)
  if [ ! -f "$WWW/wp-settings.php" ] || [ "$(cat "$WP_STATE_DIR/wordpress.version" 2>/dev/null)" != "$ver" ]; then
    log "copying /usr/share/wordpress ($ver) -> $WWW"
    # A real copy (not symlinks): PHP resolves __DIR__ through symlinks, which would make
    # wp-admin/* load Debian's /usr/share/wordpress/wp-config.php (HTTP_HOST lookup in /etc/wordpress).
    local keep=""
    [ -d "$WWW/wp-content/uploads" ] && { keep="$WP_STATE_DIR/uploads.keep"; rm -rf "$keep"; mv "$WWW/wp-content/uploads" "$keep"; }
    rm -rf "$WWW"; cp -a /usr/share/wordpress "$WWW"
    rm -f "$WWW/wp-config.php" "$WWW/.htaccess"   # Debian's host-lookup config + symlink into /etc
    rm -rf "$WWW/wp-content"; mkdir -p "$WWW/wp-content/plugins" "$WWW/wp-content/themes" "$WWW/wp-content/mu-plugins"
    if [ -n "$keep" ]; then mv "$keep" "$WWW/wp-content/uploads"; else mkdir -p "$WWW/wp-content/uploads"; fi
    echo "$ver" >"$WP_STATE_DIR/wordpress.version"
  fi
  if [ ! -f "$WP_STATE_DIR/salts.php" ]; then
    php -r 'echo "<?php\n"; foreach (["AUTH_KEY","SECURE_AUTH_KEY","LOGGED_IN_KEY","NONCE_KEY","AUTH_SALT","SECURE_AUTH_SALT","LOGGED_IN_SALT","NONCE_SALT"] as $k) printf("define(%s, %s);\n", var_export($k,true), var_export(bin2hex(random_bytes(32)),true));' >"$WP_STATE_DIR/salts.php"
  fi
  # Own wp-config.php: bypasses Debian's /etc/wordpress/config-<HTTP_HOST>.php lookup entirely.
  cat >"$WWW/wp-config.php" <<PHP
<?php
// Generated by wordpress-local.sh — do not edit (rewritten on every start).
define('DB_NAME', '$DB_NAME');
define('DB_USER', '$DB_USER');
define('DB_PASSWORD', '$DB_PASS');
define('DB_HOST', 'localhost:$SOCK');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
require '$WP_STATE_DIR/salts.php';
\$table_prefix = 'wp_';
define('WP_ENVIRONMENT_TYPE', 'local');   // Application Passwords over plain http
define('WP_HOME', '$BASE_URL');
define('WP_SITEURL', '$BASE_URL');
define('WP_HTTP_BLOCK_EXTERNAL', true);   // WordPress must never phone home from tests
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('FS_METHOD', 'direct');
define('WP_DEBUG', false);
define('WP_DEBUG_LOG', '$WP_STATE_DIR/wp-debug.log');
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP
  # Minimal classic theme: deterministic HTML; wp_head() emits <link rel="https://api.w.org/">.
  local th="$WWW/wp-content/themes/webxcreta-min"
  mkdir -p "$th"
  cat >"$th/style.css" <<'CSS'
/*
Theme Name: webxcreta-min
Description: Minimal classic theme for webXcreta integration tests.
Version: 1.0
*/
CSS
  cat >"$th/functions.php" <<'PHP'
<?php
add_action('after_setup_theme', function () { add_theme_support('title-tag'); });
PHP
  cat >"$th/index.php" <<'PHP'
<!doctype html>
<html <?php language_attributes(); ?>>
<head><meta charset="<?php bloginfo('charset'); ?>"><?php wp_head(); ?></head>
<body <?php body_class(); ?>>
<header><a class="site-title" href="<?php echo esc_url(home_url('/')); ?>"><?php bloginfo('name'); ?></a></header>
<main>
<?php if (have_posts()) : while (have_posts()) : the_post(); ?>
<article id="post-<?php the_ID(); ?>" <?php post_class(); ?>>
<h2 class="entry-title"><a href="<?php the_permalink(); ?>"><?php the_title(); ?></a></h2>
<div class="entry-content"><?php the_content(); ?></div>
<footer class="entry-meta"><?php the_category(', '); ?> <?php the_tags('Tags: ', ', '); ?></footer>
</article>
<?php endwhile; else : ?>
<p class="no-posts">No posts.</p>
<?php endif; ?>
</main>
<?php wp_footer(); ?>
</body>
</html>
PHP
  write_mu_plugin
  # Router for php -S: existing files/dirs are served by the built-in server, everything else
  # (pretty permalinks, /wp-json/...) goes to index.php.
  cat >"$WP_STATE_DIR/router.php" <<'PHP'
<?php
$root = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?: '/');
if ($path !== '/' && strpos($path, '..') === false) {
    $full = $root . $path;
    if (is_file($full)) return false;
    if (is_dir($full) && is_file(rtrim($full, '/') . '/index.php')) return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
chdir($root);
require $root . '/index.php';
PHP
}

run_setup_php() {
  # Installs WordPress (once), sets options, ensures an Application Password; prints its JSON on stdout.
  WPL_ABSPATH="$WWW/" WPL_PORT="$WP_PORT" WPL_USER="$WP_USER" WPL_PASSWORD="$WP_PASSWORD" WPL_EMAIL="$WP_EMAIL" \
  WPL_TITLE="$WP_TITLE" WPL_APP="$APP_NAME" WPL_CREDS="$CREDS" php -d display_errors=stderr -d error_reporting=E_ALL\&~E_DEPRECATED -r '
    $_SERVER["HTTP_HOST"] = "127.0.0.1:" . getenv("WPL_PORT");
    $_SERVER["SERVER_NAME"] = "127.0.0.1"; $_SERVER["SERVER_PORT"] = getenv("WPL_PORT");
    $_SERVER["REQUEST_URI"] = "/"; $_SERVER["REQUEST_METHOD"] = "GET";
    define("WP_INSTALLING", true);
    define("ABSPATH", getenv("WPL_ABSPATH"));
    require ABSPATH . "wp-load.php";
    require_once ABSPATH . "wp-admin/includes/upgrade.php";
    $user = getenv("WPL_USER"); $pass = getenv("WPL_PASSWORD");
    $fresh = false;
    if (!is_blog_installed()) {
        $r = wp_install(getenv("WPL_TITLE"), $user, getenv("WPL_EMAIL"), false, "", wp_slash($pass));
        fwrite(STDERR, "wp_install: user_id={$r["user_id"]}\n");
        $fresh = true;
    }
    $u = get_user_by("login", $user);
    if (!$u) {   // different WP_USER than the installed one
        $id = wp_insert_user(["user_login" => $user, "user_pass" => $pass, "user_email" => getenv("WPL_EMAIL"), "role" => "administrator"]);
        if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
        $u = get_user_by("id", $id);
    } elseif (!wp_check_password($pass, $u->user_pass, $u->ID)) {
        wp_set_password($pass, $u->ID);
    }
    $opts = ["permalink_structure" => "/%postname%/", "blog_public" => "0", "default_pingback_flag" => "0",
             "default_ping_status" => "closed", "timezone_string" => "UTC", "posts_per_page" => "20"];
    $changed = false;
    foreach ($opts as $k => $v) { if (get_option($k) !== $v) { update_option($k, $v); $changed = true; } }
    if (get_option("stylesheet") !== "webxcreta-min") { switch_theme("webxcreta-min"); $changed = true; }
    if ($changed || $fresh) { global $wp_rewrite; $wp_rewrite->init(); $wp_rewrite->flush_rules(false); }
    // Application Password: plaintext is only known at creation; keep it in the state dir.
    $app = getenv("WPL_APP"); $creds = getenv("WPL_CREDS"); $plain = null;
    $saved = is_file($creds) ? json_decode(file_get_contents($creds), true) : null;
    foreach (WP_Application_Passwords::get_user_application_passwords($u->ID) as $item) {
        if ($item["name"] !== $app) continue;
        if ($saved && ($saved["user"] ?? "") === $user && wp_check_password(str_replace(" ", "", $saved["appPassword"]), $item["password"])) {
            $plain = $saved["appPassword"];
        } else {
            WP_Application_Passwords::delete_application_password($u->ID, $item["uuid"]);
        }
    }
    if ($plain === null) {
        $r = WP_Application_Passwords::create_new_application_password($u->ID, ["name" => $app]);
        if (is_wp_error($r)) { fwrite(STDERR, $r->get_error_message() . "\n"); exit(1); }
        $plain = WP_Application_Passwords::chunk_password($r[0]);
        fwrite(STDERR, "created application password uuid={$r[1]["uuid"]}\n");
    }
    echo json_encode(["user" => $user, "appPassword" => $plain, "userId" => $u->ID]), "\n";
  '
}

start_php() {
  if pid_alive "$PHP_PID"; then
    if [ "$(cat "$WP_STATE_DIR/php.port" 2>/dev/null)" = "$WP_PORT" ]; then
      log "php -S already running (pid $(cat "$PHP_PID"))"; return 0
    fi
    log "php -S running on another port; restarting"; stop_php
  fi
  if curl -s -o /dev/null --max-time 1 "$BASE_URL/"; then die "port $WP_PORT on 127.0.0.1 is already in use by something else"; fi
  # PHP_CLI_SERVER_WORKERS: >1 so a request that loops back to the site cannot deadlock.
  # The pid file is written by the process that becomes php (exec), so it is right even if setsid forks.
  rm -f "$PHP_PID"
  PHP_CLI_SERVER_WORKERS="${WP_PHP_WORKERS:-4}" setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PHP_PID" \
    php -d display_errors=0 -d log_errors=1 \
    -d error_log="$WP_STATE_DIR/php-error.log" -d upload_max_filesize=64M -d post_max_size=64M \
    -S "127.0.0.1:$WP_PORT" -t "$WWW" "$WP_STATE_DIR/router.php" \
    </dev/null >>"$WP_STATE_DIR/php.log" 2>&1 9>&- &
  local j; for j in $(seq 1 50); do [ -s "$PHP_PID" ] && break; sleep 0.05; done
  echo "$WP_PORT" >"$WP_STATE_DIR/php.port"
  local i code=000
  for i in $(seq 1 150); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE_URL/wp-json/" || true)
    [ "$code" = 200 ] && break
    pid_alive "$PHP_PID" || { tail -20 "$WP_STATE_DIR/php.log" >&2; die "php -S exited"; }
    sleep 0.1
  done
  [ "$code" = 200 ] || { tail -20 "$WP_STATE_DIR/php.log" >&2; die "GET /wp-json/ returned $code"; }
  log "php -S up on $BASE_URL (pid $(cat "$PHP_PID"))"
}

stop_php() {
  if pid_alive "$PHP_PID"; then
    local pid; pid=$(cat "$PHP_PID")
    # php is a session/group leader (setsid); kill its group so forked workers go too.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    local i; for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; }
    log "php -S stopped (pid $pid)"
  fi
  rm -f "$PHP_PID"
}

stop_mysql() {
  if pid_alive "$MYSQL_PID"; then
    local pid; pid=$(cat "$MYSQL_PID")
    kill -TERM "$pid" 2>/dev/null || true   # SIGTERM = clean shutdown
    local i; for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { log "mariadbd did not stop in 30s; SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; }
    log "mariadb stopped (pid $pid)"
  fi
  rm -f "$MYSQL_PID"
}

print_json() {
  local app; app=$(php -r '$c=json_decode(file_get_contents($argv[1]),true); echo $c["appPassword"];' "$CREDS")
  php -r 'echo json_encode(["baseUrl"=>$argv[1],"user"=>$argv[2],"appPassword"=>$argv[3],"pid"=>(int)$argv[4],
    "password"=>$argv[5],"restUrl"=>$argv[1]."/wp-json/","mysqlPid"=>(int)$argv[6],"stateDir"=>$argv[7]], JSON_UNESCAPED_SLASHES), "\n";' \
    "$BASE_URL" "$WP_USER" "$app" "$(cat "$PHP_PID")" "$WP_PASSWORD" "$(cat "$MYSQL_PID")" "$WP_STATE_DIR"
}

cmd_start() {
  ensure_packages;          phase_done packages
  mkdir -p "$WP_STATE_DIR"
  # Fast path: already running on this port with a working application password.
  if pid_alive "$MYSQL_PID" && pid_alive "$PHP_PID" && [ -f "$CREDS" ] \
     && [ "$(cat "$WP_STATE_DIR/php.port" 2>/dev/null)" = "$WP_PORT" ]; then
    local app; app=$(php -r '$c=json_decode(file_get_contents($argv[1]),true); echo $c["user"],":",$c["appPassword"];' "$CREDS")
    if [ "${app%%:*}" = "$WP_USER" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -u "$app" "$BASE_URL/wp-json/wp/v2/users/me")" = 200 ]; then
      mkdir -p "$WWW/wp-content/mu-plugins"; write_mu_plugin; phase_done files
      log "already running; reusing"
      print_json; return 0
    fi
  fi
  start_mysql;              phase_done mariadb
  ensure_db;                phase_done database
  write_tree;               phase_done files
  local out; out=$(run_setup_php) || die "setup php failed"
  printf '%s\n' "$out" | tail -1 >"$CREDS.tmp" && mv "$CREDS.tmp" "$CREDS"
  phase_done wp-setup
  start_php;                phase_done php-server
  awk -v a="$T0" -v b="$(now)" 'BEGIN{printf "[wp-local] total %.2fs\n", b-a}' >&2
  print_json
}

cmd_status() {
  local ok=0
  if pid_alive "$MYSQL_PID"; then log "mariadb: running (pid $(cat "$MYSQL_PID"))"; else log "mariadb: stopped"; ok=3; fi
  if pid_alive "$PHP_PID"; then log "php -S: running (pid $(cat "$PHP_PID"), port $(cat "$WP_STATE_DIR/php.port" 2>/dev/null))"; else log "php -S: stopped"; ok=3; fi
  if [ $ok = 0 ] && [ -f "$CREDS" ]; then print_json; fi
  return $ok
}

cmd_reset() {
  pid_alive "$MYSQL_PID" || die "not running"
  mariadb --no-defaults --socket="$SOCK" -u "$DB_USER" -p"$DB_PASS" "$DB_NAME" <<'SQL'
DELETE FROM wp_posts; DELETE FROM wp_postmeta; DELETE FROM wp_comments; DELETE FROM wp_commentmeta;
DELETE FROM wp_term_relationships; DELETE FROM wp_termmeta WHERE term_id <> 1;
DELETE FROM wp_term_taxonomy WHERE term_id <> 1; DELETE FROM wp_terms WHERE term_id <> 1;
UPDATE wp_term_taxonomy SET count = 0;
DELETE FROM wp_options WHERE option_name LIKE '\_transient\_%' OR option_name LIKE '\_site\_transient\_%' OR option_name = 'category_children' OR option_name = 'post_tag_children';
ALTER TABLE wp_posts AUTO_INCREMENT = 1; ALTER TABLE wp_terms AUTO_INCREMENT = 2;
SQL
  rm -rf "$WWW/wp-content/uploads"/* 2>/dev/null || true
  log "content reset (users, options, application password kept)"
}

# One command at a time per state dir; fd 9 is closed for the servers started in the background.
mkdir -p "$(dirname "$WP_STATE_DIR")"
exec 9>"$WP_STATE_DIR.lock"
flock -w 600 9 || die "another wordpress-local.sh holds $WP_STATE_DIR.lock"

case "${1:-}" in
  start)   cmd_start ;;
  stop)    stop_php; stop_mysql; awk -v a="$T0" -v b="$(now)" 'BEGIN{printf "[wp-local] stopped in %.2fs\n", b-a}' >&2 ;;
  status)  cmd_status ;;
  reset)   cmd_reset ;;
  destroy) stop_php; stop_mysql; rm -rf "$WP_STATE_DIR"; log "removed $WP_STATE_DIR" ;;
  *) echo "usage: $0 start|stop|status|reset|destroy" >&2; exit 2 ;;
esac
