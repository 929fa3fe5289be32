<?php
/**
 * The page frame: head, navigation, flash messages, then $content (already rendered HTML).
 * @var string $title  @var ?array $user  @var array $flashes  @var string $content
 * @var ?int $refresh  @var string $page
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$nav = ['jobs' => 'Jobs', 'run' => 'Run a flow'];
$active = $page === 'job' ? 'jobs' : $page;
?>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?= e($title) ?></title>
<link rel="stylesheet" href="<?= e(asset('app.css')) ?>">
<?php if ($refresh): ?>
<noscript><meta http-equiv="refresh" content="<?= e($refresh) ?>"></noscript>
<?php endif ?>
<script src="<?= e(asset('app.js')) ?>" defer></script>
</head>
<body class="page-<?= e($page) ?>">
<header class="topbar">
  <div class="topbar-inner">
    <a class="brand" href="<?= e(url($user ? 'jobs' : 'login')) ?>"><span class="brand-mark" aria-hidden="true">R</span> Relais <span class="brand-sub">admin</span></a>
<?php if ($user): ?>
    <nav class="mainnav" aria-label="Main">
<?php foreach ($nav as $name => $label): ?>
      <a href="<?= e(url($name)) ?>"<?= $active === $name ? ' class="active" aria-current="page"' : '' ?>><?= e($label) ?></a>
<?php endforeach ?>
    </nav>
    <div class="userbox">
      <span class="user" title="Logged in as <?= e($user['login']) ?>"><?= e($user['login']) ?><?php if (($user['role'] ?? '') !== ''): ?> <span class="role"><?= e($user['role']) ?></span><?php endif ?></span>
      <form method="post" action="<?= e(url('logout')) ?>" class="inline">
        <?= csrf_field() ?>
        <button type="submit" class="btn btn-quiet">Log out</button>
      </form>
    </div>
<?php endif ?>
  </div>
</header>
<main class="container">
<?php foreach ($flashes as $f): ?>
  <div class="flash flash-<?= e($f['type']) ?>" role="<?= $f['type'] === 'error' ? 'alert' : 'status' ?>"><?= e($f['message']) ?></div>
<?php endforeach ?>
<?= $content ?>
</main>
<footer class="footer container">Relais · times in the server's time zone, ISO 8601</footer>
</body>
</html>
