<?php
/**
 * One partner. @var bool $isNew  @var ?array $partner  @var array $form
 * @var array<string, string> $errors (by field)  @var list<string> $general  @var int $maxCert
 * @var ?array $edifact (Partners::edifact(), or the form sent)  @var array<string, string> $edifactErrors
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$edit = can('partner.edit');
$ro = $edit ? '' : ' readonly';
/** The error of $field (in $of: the partner's errors by default) as HTML after its input, and the attributes tying them. */
$err = static function (string $field, ?array $of = null) use ($errors): array {
    $of ??= $errors;
    if (!isset($of[$field])) {
        return ['', ''];
    }
    $id = 'err-' . preg_replace('/[^a-z0-9]+/i', '-', $field);
    return [' aria-invalid="true" aria-describedby="' . e($id) . '"',
        '<span class="field-error" id="' . e($id) . '" data-field="' . e($field) . '">' . e($of[$field]) . '</span>'];
};
$levels = ['UNOA' => t('UNOA: upper case, digits and . , - ( ) / = \' + : ? ! " % & * ; < >'), 'UNOB' => t('UNOB: printable ASCII'),
    'UNOC' => t('UNOC: ISO 8859-1 (Latin-1)'), 'UNOY' => t('UNOY: UTF-8'), 'UNOW' => t('UNOW: UTF-8')];
$stateLabels = ['valid' => t('valid'), 'expiring' => t('expiring soon'), 'expired' => t('expired')];
?>
<div class="page-head">
  <h1><?= e($isNew ? t('New partner') : t('Partner {code}', ['code' => $form['code']])) ?><?php if ($partner !== null): ?> <span class="muted">· <?= e($partner['name']) ?></span><?php endif ?></h1>
<?php if (!$isNew): ?>
  <div class="actions">
    <a class="btn" href="<?= e(url('jobs', ['partner' => $form['code']])) ?>"><?= e(t('Its jobs')) ?></a>
<?php if ($edit): ?>
    <form method="post" action="<?= e(url('partner', ['code' => $form['code']])) ?>" class="inline">
      <?= csrf_field() ?><input type="hidden" name="enabled" value="<?= $partner['enabled'] ? '0' : '1' ?>">
      <button type="submit" name="do" value="enable" class="btn"><?= e($partner['enabled'] ? t('Disable') : t('Enable')) ?></button>
    </form>
<?php endif ?>
  </div>
<?php endif ?>
</div>
<?= error_boxes($general) ?>
<?php if ($errors !== []): ?>
<div class="flash flash-error" role="alert" id="partner-errors"><?= e(tn(count($errors), 'The partner was not saved: {n} problem, shown next to its field.', 'The partner was not saved: {n} problems, shown next to their fields.')) ?></div>
<?php endif ?>
<?php if ($partner !== null && ($partner['certificates_expiring'] > 0 || $partner['certificates_expired'] > 0)): ?>
<div class="flash flash-warn" role="status" id="certificate-warning"><?= e(t('Certificates: {expiring} expiring within 30 days, {expired} expired. Ask the partner for new ones.',
    ['expiring' => $partner['certificates_expiring'], 'expired' => $partner['certificates_expired']])) ?></div>
<?php endif ?>

<section class="card">
  <form method="post" action="<?= e(url('partner', $isNew ? [] : ['code' => $form['code']])) ?>" class="form form-wide" id="partner-form">
    <?= csrf_field() ?>
<?php [$a, $m] = $err('code'); ?>
    <label for="code"><?= e(t('Code (what jobs name the partner by)')) ?></label>
    <input type="text" id="code" name="code" value="<?= e($form['code']) ?>" required maxlength="64"<?= $isNew ? $ro : ' readonly' ?><?= $a ?>><?= $m ?>
<?php [$a, $m] = $err('name'); ?>
    <label for="name"><?= e(t('Name')) ?></label>
    <input type="text" id="name" name="name" value="<?= e($form['name']) ?>" required maxlength="255"<?= $ro ?><?= $a ?>><?= $m ?>
<?php [$a, $m] = $err('gln'); ?>
    <label for="gln">GLN <span class="muted"><?= e(t('(13 digits, optional)')) ?></span></label>
    <input type="text" id="gln" name="gln" value="<?= e($form['gln'] ?? '') ?>" inputmode="numeric" maxlength="20"<?= $ro ?><?= $a ?>><?= $m ?>
<?php [$a, $m] = $err('siret'); ?>
    <label for="siret">SIRET <span class="muted"><?= e(t('(14 digits, optional)')) ?></span></label>
    <input type="text" id="siret" name="siret" value="<?= e($form['siret'] ?? '') ?>" inputmode="numeric" maxlength="20"<?= $ro ?><?= $a ?>><?= $m ?>
    <label for="notes"><?= e(t('Notes')) ?></label>
    <textarea id="notes" name="notes" rows="3"<?= $ro ?>><?= e($form['notes']) ?></textarea>
    <input type="hidden" name="enabled" value="<?= $form['enabled'] ? '1' : '0' ?>">

    <fieldset class="contacts">
      <legend><?= e(t('Contacts')) ?></legend>
      <table class="table" id="contacts-table">
        <thead><tr><th scope="col"><?= e(t('Name')) ?></th><th scope="col"><?= e(t('E-mail')) ?></th><th scope="col"><?= e(t('Phone')) ?></th><th scope="col"><?= e(t('Role')) ?></th></tr></thead>
        <tbody>
<?php foreach ($form['contacts'] as $i => $c): ?>
          <tr>
<?php foreach (['name' => t('Name'), 'email' => t('E-mail'), 'phone' => t('Phone'), 'role' => t('Role')] as $key => $label): ?>
<?php [$a, $m] = $err("contacts[$i].$key"); ?>
            <td><input type="<?= $key === 'email' ? 'email' : 'text' ?>" name="contacts[<?= e($i) ?>][<?= e($key) ?>]" value="<?= e($c[$key]) ?>"
                 aria-label="<?= e(t('{field} of contact {n}', ['field' => $label, 'n' => $i + 1])) ?>"<?= $ro ?><?= $a ?>><?= $m ?></td>
<?php endforeach ?>
          </tr>
<?php endforeach ?>
        </tbody>
      </table>
<?php if ($edit): ?>
      <p class="hint"><?= e(t('Empty rows are ignored; save to get more rows.')) ?></p>
<?php endif ?>
    </fieldset>
<?php if ($edit): ?>
    <div class="actions"><button type="submit" name="do" value="save" class="btn btn-primary"><?= e(t('Save')) ?></button></div>
<?php endif ?>
  </form>
</section>

<?php if ($edifact !== null): ?>
<section class="card">
  <h2>EDIFACT</h2>
<?php if ($edifactErrors !== []): ?>
  <div class="flash flash-error" role="alert" id="edifact-errors"><?= e(tn(count($edifactErrors), 'The EDIFACT settings were not saved: {n} problem, shown next to its field.', 'The EDIFACT settings were not saved: {n} problems, shown next to their fields.')) ?></div>
<?php endif ?>
  <p class="hint" id="edifact-recipient"><?= e(t('Interchanges sent to this partner go to {recipient}; next control reference: {reference}.', [
      'recipient' => ($edifact['unb_id'] ?? '') !== '' ? $edifact['unb_id'] . ':' . $edifact['unb_qualifier']
          : (($partner['gln'] ?? '') !== '' ? t('its GLN {gln}', ['gln' => $partner['gln']]) : t('nobody yet (give it a GLN or a UNB recipient)')),
      'reference' => $edifact['next_reference']])) ?><?php if (!$edifact['stored']): ?> <?= e(t('These are the defaults.')) ?><?php endif ?></p>
  <form method="post" action="<?= e(url('partner', ['code' => $partner['code']])) ?>" class="form form-wide" id="edifact-form">
    <?= csrf_field() ?>
<?php [$a, $m] = $err('syntax_level', $edifactErrors); ?>
    <label for="syntax_level"><?= e(t('Syntax level (UNB syntax identifier)')) ?></label>
    <select id="syntax_level" name="syntax_level"<?= $edit ? '' : ' disabled' ?><?= $a ?>><?= options($levels, (string)$edifact['syntax_level']) ?></select><?= $m ?>
<?php [$a, $m] = $err('separators', $edifactErrors); ?>
    <label for="separators"><?= e(t('Separators (UNA)')) ?> <span class="muted"><?= e(t('(six characters: component, element, decimal mark, release, reserved, segment terminator; empty for :+.? \')')) ?></span></label>
    <input type="text" id="separators" name="separators" value="<?= e($edifact['separators']) ?>" maxlength="6" placeholder=":+.? '" spellcheck="false" autocomplete="off"<?= $ro ?><?= $a ?>><?= $m ?>
    <label for="edifact-test"><input type="checkbox" id="edifact-test" name="test" value="1"<?= $edifact['test'] ? ' checked' : '' ?><?= $edit ? '' : ' disabled' ?>> <?= e(t('Test interchanges (UNB test indicator 1)')) ?></label>
<?php [$a, $m] = $err('unb_id', $edifactErrors); ?>
    <label for="unb_id"><?= e(t('UNB recipient, when not the GLN (a VAN mailbox)')) ?> <span class="muted"><?= e(t('(optional)')) ?></span></label>
    <input type="text" id="unb_id" name="unb_id" value="<?= e($edifact['unb_id'] ?? '') ?>" maxlength="35"<?= $ro ?><?= $a ?>><?= $m ?>
<?php [$a, $m] = $err('unb_qualifier', $edifactErrors); ?>
    <label for="unb_qualifier"><?= e(t('Recipient qualifier (14: GLN)')) ?></label>
    <input type="text" id="unb_qualifier" name="unb_qualifier" value="<?= e($edifact['unb_qualifier']) ?>" maxlength="4"<?= $ro ?><?= $a ?>><?= $m ?>
<?php if ($edit): ?>
    <div class="actions"><button type="submit" name="do" value="edifact" class="btn btn-primary"><?= e(t('Save the EDIFACT settings')) ?></button></div>
<?php endif ?>
  </form>
</section>
<?php endif ?>

<?php if ($partner !== null): ?>
<section class="card">
  <h2><?= e(t('Certificates')) ?></h2>
<?php if ($partner['certificates'] === []): ?>
  <p class="empty"><?= e(t('No certificate.')) ?></p>
<?php else: ?>
  <table class="table" id="certificates-table">
    <thead><tr><th scope="col"><?= e(t('Subject')) ?></th><th scope="col"><?= e(t('Serial')) ?></th><th scope="col"><?= e(t('Valid until (UTC)')) ?></th><th scope="col"><?= e(t('State')) ?></th><th scope="col"><?= e(t('Uploaded')) ?></th><?php if ($edit): ?><th scope="col"><?= e(t('Actions')) ?></th><?php endif ?></tr></thead>
    <tbody>
<?php foreach ($partner['certificates'] as $c): ?>
      <tr data-certificate="<?= e($c['id']) ?>" data-state="<?= e($c['state']) ?>">
        <td class="wrap"><?= e($c['subject']) ?><br><span class="muted small"><?= e(t('issued by {issuer}', ['issuer' => $c['issuer']])) ?></span></td>
        <td><code><?= e($c['serial']) ?></code></td>
        <td class="time"><?= e(fmt_time($c['not_after'])) ?></td>
        <td><span class="badge <?= match ($c['state']) { 'expired' => 'badge-failed', 'expiring' => 'badge-warn', default => 'badge-succeeded' } ?>"><?= e($stateLabels[$c['state']] ?? $c['state']) ?></span>
          <span class="small"><?= e($c['days_left'] >= 0 ? tn($c['days_left'], '{n} day left', '{n} days left') : tn(-$c['days_left'], 'ended {n} day ago', 'ended {n} days ago')) ?></span></td>
        <td class="small"><?= e(fmt_time($c['uploaded_at'])) ?> <?= e($c['uploaded_by'] ?? '') ?></td>
<?php if ($edit): ?>
        <td>
          <form method="post" action="<?= e(url('partner', ['code' => $partner['code']])) ?>" class="inline">
            <?= csrf_field() ?><input type="hidden" name="certificate" value="<?= e($c['id']) ?>">
            <button type="submit" name="do" value="remove-certificate" class="btn btn-small"><?= e(t('Remove')) ?></button>
          </form>
        </td>
<?php endif ?>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
<?php endif ?>
<?php if ($edit): ?>
  <form method="post" action="<?= e(url('partner', ['code' => $partner['code']])) ?>" enctype="multipart/form-data" class="form" id="certificate-form">
    <?= csrf_field() ?>
    <label for="certificate"><?= e(t('Add a certificate (PEM or DER, at most {max})', ['max' => fmt_size($maxCert)])) ?></label>
    <input type="file" id="certificate" name="certificate" accept=".pem,.crt,.cer,.der" required>
    <button type="submit" name="do" value="certificate" class="btn btn-primary"><?= e(t('Upload')) ?></button>
  </form>
<?php endif ?>
</section>
<?php endif ?>
