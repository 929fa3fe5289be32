<?php
/** Logout (POST only, with the CSRF token checked by the dispatcher). */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

log_out();
flash('info', t('You are logged out.'));
redirect(url('login'));
