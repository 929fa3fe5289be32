<?php
/**
 * The MSSanté deployment proof page. @var array{fqdn: string, imap_port: string, smtp_port: string} $form
 * @var array<string, string> $errors (by field)  @var list<string> $general  @var ?array $proof
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

/** The error of $field as HTML after its input, and the attributes tying them. */
$err = static function (string $field, string $hint = '') use ($errors): array {
    if (!isset($errors[$field])) {
        return [$hint === '' ? '' : ' aria-describedby="' . e($hint) . '"', ''];
    }
    $id = 'err-' . str_replace('_', '-', $field);
    return [' aria-invalid="true" aria-describedby="' . e(trim($id . ' ' . $hint)) . '"',
        '<span class="field-error" id="' . e($id) . '" data-field="' . e($field) . '">' . e($errors[$field]) . '</span>'];
};
$verdict = static fn (bool $ok): string => '<span class="level-' . ($ok ? 'ok' : 'fail') . '">' . e($ok ? t('yes') : t('no')) . '</span>';
?>
<div class="page-head"><h1><?= e(t('MSSanté deployment proof')) ?></h1></div>
<?= error_boxes($general) ?>
<?php if ($errors !== []): ?>
<div class="flash flash-error" role="alert" id="proof-errors"><?= e(tn(count($errors), 'No proof was produced: {n} problem, shown next to its field.', 'No proof was produced: {n} problems, shown next to their fields.')) ?></div>
<?php endif ?>

<section class="card">
  <p class="hint" id="proof-hint"><?= e(t('The ANS asks an API LPS/DUI for the listings of a session with the IMAP server (greeting, CAPABILITY, LOGOUT) and with the SMTP server (greeting, EHLO, QUIT) of its MSSanté interface. Relais holds both sessions from this server and writes them as telnet shows them.')) ?></p>
  <form method="post" action="<?= e(url('mssante')) ?>" class="form" id="proof-form">
    <?= csrf_field() ?>
<?php [$a, $m] = $err('fqdn', 'fqdn-hint'); ?>
    <label for="fqdn"><?= e(t('Host name (FQDN) of the MSSanté interface')) ?></label>
    <input type="text" id="fqdn" name="fqdn" value="<?= e($form['fqdn']) ?>" required maxlength="253" autocomplete="off" spellcheck="false"<?= $a ?>><?= $m ?>
    <p class="hint" id="fqdn-hint"><?= e(t('For example mss.example.fr; the EHLO of the SMTP session names it too.')) ?></p>
<?php [$a, $m] = $err('imap_port'); ?>
    <label for="imap_port"><?= e(t('IMAP port')) ?></label>
    <input type="text" id="imap_port" name="imap_port" value="<?= e($form['imap_port']) ?>" inputmode="numeric" maxlength="5"<?= $a ?>><?= $m ?>
<?php [$a, $m] = $err('smtp_port'); ?>
    <label for="smtp_port"><?= e(t('SMTP port')) ?></label>
    <input type="text" id="smtp_port" name="smtp_port" value="<?= e($form['smtp_port']) ?>" inputmode="numeric" maxlength="5"<?= $a ?>><?= $m ?>
    <div class="actions">
      <button type="submit" class="btn btn-primary"><?= e(t('Produce the proof')) ?></button>
    </div>
  </form>
</section>

<?php if ($proof !== null): ?>
<section class="card" id="proof" aria-labelledby="proof-title">
  <h2 id="proof-title"><?= e(t('Proof for {fqdn}', ['fqdn' => $proof['fqdn']])) ?></h2>
  <dl class="facts checks" id="proof-verdicts">
    <div><dt><?= e(t('IMAP (port {port}): STARTTLS offered', ['port' => $proof['imap_port']])) ?></dt><dd id="imap-starttls"><?= $verdict($proof['imap_starttls']) ?></dd></div>
    <div><dt><?= e(t('SMTP (port {port}): STARTTLS offered', ['port' => $proof['smtp_port']])) ?></dt><dd id="smtp-starttls"><?= $verdict($proof['smtp_starttls']) ?></dd></div>
    <div><dt><?= e(t('IMAP listing complete')) ?></dt><dd id="imap-complete"><?= $verdict($proof['imap_complete']) ?></dd></div>
    <div><dt><?= e(t('SMTP listing complete')) ?></dt><dd id="smtp-complete"><?= $verdict($proof['smtp_complete']) ?></dd></div>
  </dl>
<?php if ($proof['problem'] !== ''): ?>
  <p class="flash flash-warn" role="status" id="proof-problem"><?= e(t('Incomplete listing: {problem}', ['problem' => $proof['problem']])) ?></p>
<?php endif ?>
  <div class="actions">
    <a class="btn" id="proof-download" href="<?= e(url('mssante', ['download' => 1])) ?>" download><?= e(t('Download as .txt')) ?></a>
  </div>
  <pre class="proof-text" id="proof-text" tabindex="0" aria-label="<?= e(t('The proof\'s text')) ?>"><?= e($proof['text']) ?></pre>
</section>
<?php endif ?>
