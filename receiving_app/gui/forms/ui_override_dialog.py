# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'override_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

class Ui_OverrideDialog(object):
    def setupUi(self, OverrideDialog):
        if not OverrideDialog.objectName():
            OverrideDialog.setObjectName(u"OverrideDialog")
        OverrideDialog.resize(680, 380)
        self.overrideLayout = QVBoxLayout(OverrideDialog)
        self.overrideLayout.setObjectName(u"overrideLayout")
        self.explanationLabel = QLabel(OverrideDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)

        self.overrideLayout.addWidget(self.explanationLabel)

        self.overrideForm = QFormLayout()
        self.overrideForm.setObjectName(u"overrideForm")
        self.supervisorLabel = QLabel(OverrideDialog)
        self.supervisorLabel.setObjectName(u"supervisorLabel")

        self.overrideForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.supervisorLabel)

        self.supervisorEdit = QLineEdit(OverrideDialog)
        self.supervisorEdit.setObjectName(u"supervisorEdit")

        self.overrideForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.supervisorEdit)

        self.passwordLabel = QLabel(OverrideDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.overrideForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(OverrideDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.overrideForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.outcomeLabel = QLabel(OverrideDialog)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.overrideForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeCombo = QComboBox(OverrideDialog)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.overrideForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.reasonLabel = QLabel(OverrideDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.overrideForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(OverrideDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.overrideForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.overrideLayout.addLayout(self.overrideForm)

        self.messageLabel = QLabel(OverrideDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.overrideLayout.addWidget(self.messageLabel)

        self.buttons = QDialogButtonBox(OverrideDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.overrideLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.supervisorLabel.setBuddy(self.supervisorEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.outcomeLabel.setBuddy(self.outcomeCombo)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.supervisorEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.outcomeCombo)
        QWidget.setTabOrder(self.outcomeCombo, self.reasonEdit)

        self.retranslateUi(OverrideDialog)

        QMetaObject.connectSlotsByName(OverrideDialog)
    # setupUi

    def retranslateUi(self, OverrideDialog):
        OverrideDialog.setWindowTitle(QCoreApplication.translate("OverrideDialog", u"Supervisor override", None))
        self.explanationLabel.setText(QCoreApplication.translate("OverrideDialog", u"A supervisor decides this line instead of the policy. Both names and the reason go on the documents.", None))
        self.supervisorLabel.setText(QCoreApplication.translate("OverrideDialog", u"Super&visor", None))
#if QT_CONFIG(accessibility)
        self.supervisorEdit.setAccessibleName(QCoreApplication.translate("OverrideDialog", u"Supervisor name", None))
#endif // QT_CONFIG(accessibility)
        self.passwordLabel.setText(QCoreApplication.translate("OverrideDialog", u"Pass&word", None))
#if QT_CONFIG(accessibility)
        self.passwordEdit.setAccessibleName(QCoreApplication.translate("OverrideDialog", u"Supervisor password", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeLabel.setText(QCoreApplication.translate("OverrideDialog", u"&Outcome", None))
#if QT_CONFIG(accessibility)
        self.outcomeCombo.setAccessibleName(QCoreApplication.translate("OverrideDialog", u"Override outcome", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText(QCoreApplication.translate("OverrideDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("OverrideDialog", u"Override reason", None))
#endif // QT_CONFIG(accessibility)
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("OverrideDialog", u"Why the policy's decision is set aside", None))
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("OverrideDialog", u"Override message", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttons.setAccessibleName(QCoreApplication.translate("OverrideDialog", u"Override or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

