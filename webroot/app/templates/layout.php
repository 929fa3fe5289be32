<?php
/**
 * The page frame: head, skip link, navigation (only the pages the user's role opens),
 * flash messages, then $content (already rendered HTML).
 * @var string $title  @var ?array $user  @var array $flashes  @var string $content
 * @var ?int $refresh  @var string $page  @var string $lang
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

// page => [label, permission]
$nav = [
    'dashboard' => [t('Dashboard'), 'view'],
    'jobs'      => [t('Jobs'), 'view'],
    'flows'     => [t('Flows'), 'view'],
    'run'       => [t('Run a flow'), 'job.run'],
    'partners'  => [t('Partners'), 'view'],
    'sage'      => [t('Sage 100'), 'view'],
    'dossiers'  => [t('Web services'), 'view'],
    'users'     => [t('Users'), 'user.manage'],
    'audit'     => [t('Audit log'), 'audit.view'],
    'system'    => [t('System'), 'system.view'],
];
$routes = require RELAIS_WEB_APP . '/routes.php';
$active = match ($page) {
    'job' => 'jobs',
    'flow' => 'flows',
    'partner' => 'partners',
    'dossier', 'applications' => 'dossiers',
    'mssante' => 'system',
    default => $page,
};
?>
<!DOCTYPE html>
<html lang="<?= e($lang) ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?= e($title === 'Relais' ? 'Relais' : $title . ' — Relais') ?></title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="<?= e(asset('app.css')) ?>">
<?php if ($refresh): ?>
<noscript><meta http-equiv="refresh" content="<?= e($refresh) ?>"></noscript>
<?php endif ?>
<script src="<?= e(asset('app.js')) ?>" defer></script>
</head>
<body class="page-<?= e($page) ?>">
<a class="skip-link" href="#main"><?= e(t('Skip to content')) ?></a>
<header class="topbar">
  <div class="topbar-inner">
    <a class="brand" href="<?= e(url($user ? 'dashboard' : 'login')) ?>"><span class="brand-mark" aria-hidden="true">R</span> Relais <span class="brand-sub">admin</span></a>
<?php if ($user): ?>
    <nav class="mainnav" aria-label="<?= e(t('Main menu')) ?>">
<?php foreach ($nav as $name => [$label, $permission]): ?>
<?php if (isset($routes[$name]) && can($permission)): ?>
      <a href="<?= e(url($name)) ?>"<?= $active === $name ? ' class="active" aria-current="page"' : '' ?>><?= e($label) ?></a>
<?php endif ?>
<?php endforeach ?>
    </nav>
    <div class="userbox">
      <a class="user" href="<?= e(url('account')) ?>" title="<?= e(t('My account')) ?>"><?= e($user['login']) ?> <span class="role"><?= e(t($user['role'])) ?></span></a>
      <form method="post" action="<?= e(url('logout')) ?>" class="inline">
        <?= csrf_field() ?>
        <button type="submit" class="btn btn-quiet"><?= e(t('Log out')) ?></button>
      </form>
    </div>
<?php endif ?>
  </div>
</header>
<main class="container" id="main" tabindex="-1">
<?php foreach ($flashes as $f): ?>
  <div class="flash flash-<?= e($f['type']) ?>" role="<?= $f['type'] === 'error' ? 'alert' : 'status' ?>"><?= e($f['message']) ?></div>
<?php endforeach ?>
<?= $content ?>
</main>
<footer class="footer container"><?= e(t('Relais · times in UTC, ISO 8601')) ?></footer>
</body>
</html>
